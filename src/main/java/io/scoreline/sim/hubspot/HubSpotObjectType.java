package io.scoreline.sim.hubspot;

import io.scoreline.sim.data.ActivityKind;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The CRM object types the HubSpot simulator serves, by path name and object type id. */
public enum HubSpotObjectType {
    CALLS("calls", "0-48", ActivityKind.CALL, List.of("hs_createdate", "hs_lastmodifieddate", "hs_object_id")),
    EMAILS("emails", "0-49", ActivityKind.EMAIL, List.of("hs_createdate", "hs_lastmodifieddate", "hs_object_id")),
    MEETINGS("meetings", "0-47", ActivityKind.MEETING, List.of("hs_createdate", "hs_lastmodifieddate", "hs_object_id")),
    TASKS("tasks", "0-27", ActivityKind.TODO, List.of("hs_createdate", "hs_lastmodifieddate", "hs_object_id")),
    DEALS(
            "deals",
            "0-3",
            ActivityKind.DEAL,
            List.of(
                    "dealname",
                    "amount",
                    "closedate",
                    "pipeline",
                    "dealstage",
                    "createdate",
                    "hs_lastmodifieddate",
                    "hs_object_id")),
    /** The portal's custom object; its type id is the portal's own ({@link HubSpotTypeNames}). */
    PRODUCT_DEMOS(
            "product_demos", null, ActivityKind.DEMO, List.of("hs_createdate", "hs_lastmodifieddate", "hs_object_id"));

    /** Object ids of each type live in their own range, so an id alone names its record. */
    private static final long ID_SPACING = 10_000_000_000L;

    private final String pathName;
    private final String typeId;
    private final ActivityKind kind;

    @SuppressWarnings("ImmutableEnumChecker") // List.of: immutable
    private final List<String> defaultProperties;

    HubSpotObjectType(String pathName, String typeId, ActivityKind kind, List<String> defaultProperties) {
        this.pathName = pathName;
        this.typeId = typeId;
        this.kind = kind;
        this.defaultProperties = defaultProperties;
    }

    /** A stock type by path name or type id; custom types are named per portal ({@link HubSpotTypeNames#resolve}). */
    public static Optional<HubSpotObjectType> fromPath(String nameOrTypeId) {
        return Arrays.stream(values())
                .filter(type -> !type.custom())
                .filter(type -> type.pathName.equalsIgnoreCase(nameOrTypeId) || type.typeId.equals(nameOrTypeId))
                .findFirst();
    }

    public static HubSpotObjectType of(ActivityKind kind) {
        return Arrays.stream(values())
                .filter(type -> type.kind == kind)
                .findFirst()
                .orElseThrow();
    }

    public String pathName() {
        return pathName;
    }

    /** The stock {@code 0-…} type id; null for a custom type, whose id belongs to the portal ({@link HubSpotTypeNames}). */
    public String typeId() {
        return typeId;
    }

    /** Defined by the portal rather than by HubSpot. */
    public boolean custom() {
        return typeId == null;
    }

    public ActivityKind kind() {
        return kind;
    }

    public List<String> defaultProperties() {
        return defaultProperties;
    }

    @SuppressWarnings("EnumOrdinal") // each type's ids live in their own range, like HubSpot's
    public long id(long index) {
        return (ordinal() + 1) * ID_SPACING + index + 1;
    }

    /** The dataset index behind an object id of this type, if the id is in this type's range. */
    @SuppressWarnings("EnumOrdinal") // each type's ids live in their own range, like HubSpot's
    public Optional<Long> index(long id) {
        long index = id - (ordinal() + 1) * ID_SPACING - 1;
        return index >= 0 && index < ID_SPACING - 1 ? Optional.of(index) : Optional.empty();
    }
}
