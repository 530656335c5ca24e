package io.scoreline.sim.hubspot;

/** Property types, which decide how search filters compare the string values. */
public enum HubSpotPropertyType {
    STRING("string", "text"),
    NUMBER("number", "number"),
    DATETIME("datetime", "date"),
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
