package io.scoreline.sim.hubspot;

import io.scoreline.sim.data.Activity;
import io.scoreline.sim.data.Rep;
import io.scoreline.sim.data.SyntheticDataset;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/** The dataset seen as HubSpot objects, in id order. */
public final class HubSpotRecords {

    private final SyntheticDataset dataset;
    private final HubSpotPropertyMapper mapper;
    private final HubSpotSchemaDrift drift = new HubSpotSchemaDrift();
    private final HubSpotTypeNames typeNames;

    public HubSpotRecords(SyntheticDataset dataset) {
        this.dataset = dataset;
        this.typeNames = new HubSpotTypeNames(dataset.spec().seed());
        this.mapper = new HubSpotPropertyMapper(dataset.spec().zone());
    }

    /** Every object of a type, archived ones included, by ascending id. */
    public Stream<HubSpotObject> all(HubSpotObjectType type) {
        return dataset.stream(type.kind()).map(this::object);
    }

    /** Objects with an id greater than or equal to {@code fromId}, by ascending id. */
    public Stream<HubSpotObject> from(HubSpotObjectType type, long fromId) {
        long start = Math.max(0, type.index(fromId).orElse(fromId < type.id(0) ? 0L : Long.MAX_VALUE));
        long end = dataset.count(type.kind());
        return LongStream.range(Math.min(start, end), end).mapToObj(index -> object(dataset.get(type.kind(), index)));
    }

    public Optional<HubSpotObject> find(HubSpotObjectType type, long id) {
        return type.index(id).flatMap(index -> dataset.find(type.kind(), index)).map(this::object);
    }

    /** Properties deleted or renamed in this portal at runtime. */
    public HubSpotSchemaDrift schemaDrift() {
        return drift;
    }

    private HubSpotObject object(Activity activity) {
        return drift.apply(mapper.object(activity));
    }

    /** An object with every property, as the ground-truth dump writes it. */
    public static Map<String, Object> fullJson(HubSpotObject object) {
        return HubSpotJsonWriter.fullObject(object);
    }

    /** An owner as the owners API returns it ({@code archived} for deactivated reps). */
    public static Map<String, Object> ownerJson(Rep rep) {
        return HubSpotOwners.json(rep);
    }

    /** How this portal names its object types, the custom one included. */
    public HubSpotTypeNames typeNames() {
        return typeNames;
    }

    public SyntheticDataset dataset() {
        return dataset;
    }
}
