package io.scoreline.sim.salesforce;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A simulated sObject type: name, key prefix and fields. Not a record: it keeps its fields indexed
 * by lower-case name, because the query engine looks a field up for every row it filters and
 * renders (a linear, case-insensitive scan was a fifth of the simulator's CPU in a backfill).
 * One instance per type, so identity is equality.
 */
public final class SalesforceObject {

    private final String name;
    private final String keyPrefix;
    private final String labelPlural;
    private final List<SalesforceField> fields;
    private final Map<String, SalesforceField> byName = new HashMap<>();
    private final Map<String, SalesforceField> byRelationship = new HashMap<>();

    public SalesforceObject(String name, String keyPrefix, String labelPlural, List<SalesforceField> fields) {
        this.name = name;
        this.keyPrefix = keyPrefix;
        this.labelPlural = labelPlural;
        this.fields = List.copyOf(fields);
        for (var field : this.fields) {
            byName.putIfAbsent(lower(field.name()), field);
            if (field.relationshipName() != null) {
                byRelationship.putIfAbsent(lower(field.relationshipName()), field);
            }
        }
    }

    public String name() {
        return name;
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    public String labelPlural() {
        return labelPlural;
    }

    public List<SalesforceField> fields() {
        return fields;
    }

    /** Field names are case-insensitive in SOQL. */
    public Optional<SalesforceField> field(String name) {
        return Optional.ofNullable(byName.get(lower(name)));
    }

    public Optional<SalesforceField> relationship(String relationshipName) {
        return Optional.ofNullable(byRelationship.get(lower(relationshipName)));
    }

    public boolean hasField(String name) {
        return byName.containsKey(lower(name));
    }

    @Override
    public String toString() {
        return name;
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
