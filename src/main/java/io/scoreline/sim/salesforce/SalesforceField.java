package io.scoreline.sim.salesforce;

/**
 * One field of a simulated object.
 *
 * @param relationshipName for lookups, the name a SOQL path uses to reach the parent ({@code Owner})
 */
public record SalesforceField(
        String name, SalesforceFieldType type, String referenceTo, String relationshipName, boolean nillable) {

    static SalesforceField of(String name, SalesforceFieldType type) {
        return new SalesforceField(
                name, type, null, null, type != SalesforceFieldType.BOOLEAN && type != SalesforceFieldType.ID);
    }

    static SalesforceField lookup(String name, String referenceTo, String relationshipName) {
        return new SalesforceField(name, SalesforceFieldType.REFERENCE, referenceTo, relationshipName, true);
    }
}
