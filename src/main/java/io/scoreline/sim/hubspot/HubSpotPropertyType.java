package io.scoreline.sim.hubspot;

/** Property types, which decide how search filters compare the string values. */
public enum HubSpotPropertyType {
    STRING("string", "text"),
    NUMBER("number", "number"),
    DATETIME("datetime", "date"),
    /** A calendar day: {@code YYYY-MM-DD} in objects, epoch milliseconds of midnight UTC in searches and events. */
    DATE("date", "date"),
    ENUMERATION("enumeration", "select"),
    BOOL("bool", "booleancheckbox");

    private final String apiName;
    private final String fieldType;

    HubSpotPropertyType(String apiName, String fieldType) {
        this.apiName = apiName;
        this.fieldType = fieldType;
    }

    public String apiName() {
        return apiName;
    }

    public String fieldType() {
        return fieldType;
    }
}
