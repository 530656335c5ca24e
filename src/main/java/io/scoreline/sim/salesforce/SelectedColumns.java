package io.scoreline.sim.salesforce;

import io.scoreline.sim.salesforce.soql.FieldPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;

/**
 * A SELECT list resolved against the schema once, in the members a row shows: each field by its
 * canonical name, and parent fields grouped under their relationship at the place the first of them
 * was selected. A field selected twice keeps its first place, as a map keyed by name would.
 */
record SelectedColumns(List<Column> columns) {

    sealed interface Column {}

    record Field(String name) implements Column {}

    /**
     * @param lookup the child's reference field, holding the parent id
     * @param parentType the object the lookup points to; {@code fields} are canonical names on it
     * @param requested the parent fields as the query spelled them
     */
    record Parent(SalesforceField lookup, SalesforceObject parentType, List<String> fields, List<String> requested)
            implements Column {

        Parent {
            fields = List.copyOf(fields);
            requested = List.copyOf(requested);
        }

        /** The fields on the parent actually found; its type comes from the id, so it could differ. */
        List<String> fieldsOn(SalesforceObject type) {
            return type == parentType
                    ? fields
                    : requested.stream()
                            .map(name -> type.field(name).orElseThrow().name())
                            .distinct()
                            .toList();
        }
    }

    SelectedColumns {
        columns = List.copyOf(columns);
    }

    /** @throws java.util.NoSuchElementException for a path the validator would have refused */
    static SelectedColumns of(SalesforceObject type, List<FieldPath> fields, SalesforceSchemaDrift drift) {
        Map<String, Object> byMember = new LinkedHashMap<>();
        for (FieldPath path : fields) {
            if (!path.isRelationship()) {
                String name =
                        drift.field(type, path.parts().getFirst()).orElseThrow().name();
                if (byMember.putIfAbsent(name, new Field(name)) instanceof ParentBuilder) {
                    throw clash(type, name);
                }
                continue;
            }
            SalesforceField lookup = type.relationship(path.parts().getFirst()).orElseThrow();
            SalesforceObject parentType =
                    SalesforceSchema.find(lookup.referenceTo()).orElseThrow();
            Object member =
                    byMember.computeIfAbsent(lookup.relationshipName(), name -> new ParentBuilder(lookup, parentType));
            if (!(member instanceof ParentBuilder parent)) {
                throw clash(type, lookup.relationshipName());
            }
            parent.fields.add(
                    drift.field(parentType, path.parts().get(1)).orElseThrow().name());
            parent.requested.add(path.parts().get(1));
        }
        List<Column> columns = new ArrayList<>(byMember.size());
        for (Object member : byMember.values()) {
            columns.add(member instanceof ParentBuilder parent ? parent.build() : (Column) member);
        }
        return new SelectedColumns(columns);
    }

    /** A row cannot hold a field and a relationship of one name; the schema has none. */
    private static IllegalArgumentException clash(SalesforceObject type, String name) {
        return new IllegalArgumentException(type.name() + " has a field and a relationship both named " + name);
    }

    private static final class ParentBuilder {
        private final SalesforceField lookup;
        private final SalesforceObject parentType;
        private final SequencedSet<String> fields = new LinkedHashSet<>();
        private final List<String> requested = new ArrayList<>();

        ParentBuilder(SalesforceField lookup, SalesforceObject parentType) {
            this.lookup = lookup;
            this.parentType = parentType;
        }

        Parent build() {
            return new Parent(lookup, parentType, new ArrayList<>(fields), requested);
        }
    }
}
