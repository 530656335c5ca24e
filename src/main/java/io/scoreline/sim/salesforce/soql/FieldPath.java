package io.scoreline.sim.salesforce.soql;

import java.util.List;

/** A field reference such as {@code Id} or {@code Owner.Email}, with its offset in the statement. */
public record FieldPath(List<String> parts, int position) {

    public FieldPath {
        parts = List.copyOf(parts);
    }

    public String dotted() {
        return String.join(".", parts);
    }

    public boolean isRelationship() {
        return parts.size() > 1;
    }
}
