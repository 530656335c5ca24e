package io.scoreline.sim.salesforce;

/**
 * One field of a simulated object.
 *
 * @param relationshipName for lookups, the name a SOQL path uses to reach the parent ({@code Owner})
 * @param calculated a formula field: read-only, its value computed when read
 */
public record SalesforceField(
        String name,
        SalesforceFieldType type,
        String referenceTo,
        String relationshipName,
        boolean nillable,
        boolean calculated) {

    static SalesforceField of(String name, SalesforceFieldType type) {
        return new SalesforceField(
                name, type, null, null, type != SalesforceFieldType.BOOLEAN && type != SalesforceFieldType.ID, false);
    }

    static SalesforceField lookup(String name, String referenceTo, String relationshipName) {
        return new SalesforceField(name, SalesforceFieldType.REFERENCE, referenceTo, relationshipName, true, false);
    }

    /** A formula field of the formula's return type. */
    static SalesforceField formula(String name, SalesforceFieldType type) {
        return new SalesforceField(name, type, null, null, true, true);
    }

    /** The same field under another API name, as after a rename in Setup. */
    SalesforceField renamed(String newName) {
        return new SalesforceField(newName, type, referenceTo, relationshipName, nillable, calculated);
    }

    /** Custom fields end in {@code __c}, as Salesforce requires. */
    boolean custom() {
        return name.endsWith("__c");
    }
}
