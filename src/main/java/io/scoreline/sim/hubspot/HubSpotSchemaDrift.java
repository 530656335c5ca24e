package io.scoreline.sim.hubspot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Properties an admin archived (deleted) or renamed in one simulated portal, applied on top of the
 * stock catalog at runtime: the properties API stops listing a deleted property and lists a renamed
 * one under its new internal name, objects carry it under its current name or not at all (so a
 * requested property list naming it is silently ignored, as HubSpot ignores unknown names), and a
 * search filter on it is a 400. Restoring undoes it. The id and the modification stamp cannot drift:
 * searches page and sync on them.
 */
public final class HubSpotSchemaDrift {

    private sealed interface Change {
        record Deleted() implements Change {}

        record Renamed(String newName) implements Change {}
    }

    private static final List<String> FIXED = List.of("hs_object_id", "hs_lastmodifieddate");

    /** By object type, then by the property's stock name; types without drift have no entry. */
    private final Map<HubSpotObjectType, Map<String, Change>> changes = new ConcurrentHashMap<>();

    HubSpotSchemaDrift() {}

    /** @param objectType as in the API path ({@code calls}, {@code deals}, ...) */
    public void deleteProperty(String objectType, String property) {
        HubSpotObjectType type = typeOf(objectType);
        changes.computeIfAbsent(type, t -> new ConcurrentHashMap<>())
                .put(driftable(type, property).name(), new Change.Deleted());
    }

    /** The property is listed and returned as {@code newName}; the old name is unknown from now on. */
    public void renameProperty(String objectType, String property, String newName) {
        HubSpotObjectType type = typeOf(objectType);
        HubSpotPropertyCatalog.Property stock = driftable(type, property);
        if (newName == null || !newName.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a HubSpot internal property name: " + newName);
        }
        if (find(type, newName).isPresent()) {
            throw new IllegalArgumentException(type.pathName() + " already has a property " + newName);
        }
        changes.computeIfAbsent(type, t -> new ConcurrentHashMap<>()).put(stock.name(), new Change.Renamed(newName));
    }

    /** The property is back under its stock name, with its values. */
    public void restoreProperty(String objectType, String property) {
        HubSpotObjectType type = typeOf(objectType);
        Map<String, Change> ofType = changes.get(type);
        if (ofType != null) {
            ofType.remove(property);
        }
    }

    /** Every property back as shipped. */
    public void restoreAll() {
        changes.clear();
    }

    /** The properties the portal has now, in the stock order. */
    List<HubSpotPropertyCatalog.Property> properties(HubSpotObjectType type) {
        Map<String, Change> ofType = changes.getOrDefault(type, Map.of());
        List<HubSpotPropertyCatalog.Property> properties = new ArrayList<>();
        for (HubSpotPropertyCatalog.Property stock : HubSpotPropertyCatalog.of(type)) {
            switch (ofType.get(stock.name())) {
                case null -> properties.add(stock);
                case Change.Deleted deleted -> {}
                case Change.Renamed renamed -> properties.add(renamed(stock, renamed.newName()));
            }
        }
        return properties;
    }

    /** A property by its current internal name. */
    Optional<HubSpotPropertyCatalog.Property> find(HubSpotObjectType type, String name) {
        return properties(type).stream()
                .filter(property -> property.name().equals(name))
                .findFirst();
    }

    /** The object as the portal returns it now. */
    HubSpotObject apply(HubSpotObject object) {
        Map<String, Change> ofType = changes.get(object.type());
        if (ofType == null || ofType.isEmpty()) {
            return object;
        }
        Map<String, String> properties =
                LinkedHashMap.newLinkedHashMap(object.properties().size());
        object.properties().forEach((name, value) -> {
            switch (ofType.get(name)) {
                case null -> properties.put(name, value);
                case Change.Deleted deleted -> {}
                case Change.Renamed renamed -> properties.put(renamed.newName(), value);
            }
        });
        return new HubSpotObject(
                object.type(), object.id(), properties, object.createdAt(), object.updatedAt(), object.archivedAt());
    }

    private static HubSpotPropertyCatalog.Property renamed(HubSpotPropertyCatalog.Property stock, String newName) {
        return new HubSpotPropertyCatalog.Property(
                newName, stock.label(), stock.type(), stock.options(), stock.hubspotDefined());
    }

    private static HubSpotObjectType typeOf(String objectType) {
        return HubSpotObjectType.fromPath(objectType)
                .orElseThrow(() -> new IllegalArgumentException("no object type " + objectType + " in the portal"));
    }

    private static HubSpotPropertyCatalog.Property driftable(HubSpotObjectType type, String property) {
        HubSpotPropertyCatalog.Property stock = HubSpotPropertyCatalog.find(type, property)
                .orElseThrow(() -> new IllegalArgumentException("no property " + property + " on " + type.pathName()));
        if (FIXED.contains(stock.name())) {
            throw new IllegalArgumentException(
                    type.pathName() + "." + stock.name() + " cannot drift: searches and syncs rely on it");
        }
        return stock;
    }
}
