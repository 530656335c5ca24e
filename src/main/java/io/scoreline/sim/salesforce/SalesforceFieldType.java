package io.scoreline.sim.salesforce;

import java.util.Locale;

/** Describe field types of the simulated objects; also decide which SOQL literals a field accepts. */
public enum SalesforceFieldType {
    ID,
    STRING,
    PICKLIST,
    TEXTAREA,
    EMAIL,
    REFERENCE,
    BOOLEAN,
    INT,
    DOUBLE,
    CURRENCY,
    PERCENT,
    DATE,
    DATETIME;

    public String describeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String soapType() {
        return switch (this) {
            case ID, REFERENCE -> "tns:ID";
            case STRING, PICKLIST, TEXTAREA, EMAIL -> "xsd:string";
            case BOOLEAN -> "xsd:boolean";
            case INT -> "xsd:int";
            case DOUBLE, CURRENCY, PERCENT -> "xsd:double";
            case DATE -> "xsd:date";
            case DATETIME -> "xsd:dateTime";
        };
    }

    public boolean textual() {
        return switch (this) {
            case ID, STRING, PICKLIST, TEXTAREA, EMAIL, REFERENCE -> true;
            case BOOLEAN, INT, DOUBLE, CURRENCY, PERCENT, DATE, DATETIME -> false;
        };
    }

    public boolean numeric() {
        return this == INT || this == DOUBLE || this == CURRENCY || this == PERCENT;
    }
}
