package io.scoreline.sim.salesforce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fields an admin deleted or renamed in one simulated org, applied on top of the stock schema at
 * runtime: describe stops listing a deleted field and lists a renamed one under its new name, SOQL
 * naming the old name fails with {@code INVALID_FIELD} as in Salesforce, and rows carry the field
 * under its current name (or not at all). Restoring undoes it, as the recycle bin does for fields.
 * Ids, references and the audit stamps cannot drift: queries and cursors are keyed on them.
 */
public final class SalesforceSchemaDrift {

    private sealed interface Change {
        record Deleted() implements Change {}

        record Renamed(String newName) implements Change {}
    }

    private static final List<String> FIXED = List.of("Id", "IsDeleted", "SystemModstamp");

    /** By object name, then by the field's stock name; objects without drift have no entry. */
    private final Map<String, Map<String, Change>> changes = new ConcurrentHashMap<>();

    SalesforceSchemaDrift() {}

    /** The field disappears from describe, queries and rows. */
    public void deleteField(String object, String field) {
        SalesforceField stock = driftable(object, field);
        changes.computeIfAbsent(objectOf(object).name(), name -> new ConcurrentHashMap<>())
                .put(stock.name(), new Change.Deleted());
    }

    /** The field is reported and returned as {@code newName}; its old name is unknown from now on. */
    public void renameField(String object, String field, String newName) {
        SalesforceObject type = objectOf(object);
        SalesforceField stock = driftable(object, field);
        if (newName == null || !newName.matches("[A-Za-z]\\w*")) {
            throw new IllegalArgumentException("not a Salesforce field name: " + newName);
        }
        if (field(type, newName).isPresent()) {
            throw new IllegalArgumentException(type.name() + " already has a field " + newName);
        }
        changes.computeIfAbsent(type.name(), name -> new ConcurrentHashMap<>())
                .put(stock.name(), new Change.Renamed(newName));
    }

    /** The field is back under its stock name, with its values. */
    public void restoreField(String object, String field) {
        SalesforceObject type = objectOf(object);
        SalesforceField stock = type.field(field)
                .orElseThrow(() -> new IllegalArgumentException("no field " + field + " on " + type.name()));
        Map<String, Change> ofType = changes.get(type.name());
        if (ofType != null) {
            ofType.remove(stock.name());
        }
    }

    /** Every field back as shipped. */
    public void restoreAll() {
        changes.clear();
    }

    /** A field as the org knows it now, by the name a query or describe uses (case-insensitive). */
    Optional<SalesforceField> field(SalesforceObject type, String name) {
        Map<String, Change> ofType = changes.get(type.name());
        if (ofType == null || ofType.isEmpty()) {
            return type.field(name);
        }
        for (var entry : ofType.entrySet()) {
            if (entry.getValue() instanceof Change.Renamed(String newName) && newName.equalsIgnoreCase(name)) {
                return type.field(entry.getKey()).map(stock -> stock.renamed(newName));
            }
        }
        return type.field(name).filter(stock -> !ofType.containsKey(stock.name()));
    }

    /** The stock field behind a current name (the same field unless it was renamed). */
    SalesforceField stockField(SalesforceObject type, String currentName) {
        Map<String, Change> ofType = changes.getOrDefault(type.name(), Map.of());
        for (var entry : ofType.entrySet()) {
            if (entry.getValue() instanceof Change.Renamed(String newName) && newName.equalsIgnoreCase(currentName)) {
                return type.field(entry.getKey()).orElseThrow();
            }
        }
        return type.field(currentName).orElseThrow();
    }

    /** The fields describe lists now, in the stock order. */
    List<SalesforceField> fields(SalesforceObject type) {
        Map<String, Change> ofType = changes.get(type.name());
        if (ofType == null || ofType.isEmpty()) {
            return type.fields();
        }
        List<SalesforceField> fields = new ArrayList<>();
        for (SalesforceField stock : type.fields()) {
            switch (ofType.get(stock.name())) {
                case null -> fields.add(stock);
                case Change.Deleted deleted -> {}
                case Change.Renamed renamed -> fields.add(stock.renamed(renamed.newName()));
            }
        }
        return fields;
    }

    /** The row as the org returns it now: deleted fields left out, renamed ones under their new name. */
    SalesforceRow apply(SalesforceRow row) {
        Map<String, Change> ofType = changes.get(row.type().name());
        if (ofType == null || ofType.isEmpty()) {
            return row;
        }
        Map<String, Object> values = LinkedHashMap.newLinkedHashMap(row.values().size());
        row.values().forEach((name, value) -> {
            switch (ofType.get(name)) {
                case null -> values.put(name, value);
                case Change.Deleted deleted -> {}
                case Change.Renamed renamed -> values.put(renamed.newName(), value);
            }
        });
        return new SalesforceRow(row.type(), row.id(), values);
    }

    private static SalesforceObject objectOf(String object) {
        return SalesforceSchema.find(object)
                .orElseThrow(() -> new IllegalArgumentException("no object " + object + " in the simulated org"));
    }

    private static SalesforceField driftable(String object, String field) {
        SalesforceObject type = objectOf(object);
        SalesforceField stock = type.field(field)
                .orElseThrow(() -> new IllegalArgumentException("no field " + field + " on " + type.name()));
        if (FIXED.contains(stock.name()) || stock.type() == SalesforceFieldType.REFERENCE) {
            throw new IllegalArgumentException(
                    type.name() + "." + stock.name() + " cannot drift: queries and cursors rely on it");
        }
        return stock;
    }
}
