package io.scoreline.sim.salesforce;

import java.util.List;
import java.util.Optional;

/** A simulated sObject type: name, key prefix and fields. */
public record SalesforceObject(String name, String keyPrefix, String labelPlural, List<SalesforceField> fields) {

    public SalesforceObject {
        fields = List.copyOf(fields);
    }

    /** Field names are case-insensitive in SOQL. */
    public Optional<SalesforceField> field(String name) {
        return fields.stream().filter(field -> field.name().equalsIgnoreCase(name)).findFirst();
    }

    public Optional<SalesforceField> relationship(String relationshipName) {
        return fields.stream().filter(field -> field.relationshipName() != null
                && field.relationshipName().equalsIgnoreCase(relationshipName)).findFirst();
    }

    public boolean hasField(String name) {
        return field(name).isPresent();
    }
}
