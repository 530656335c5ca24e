package io.scoreline.sim.salesforce;

import io.scoreline.sim.salesforce.soql.FieldPath;
import io.scoreline.sim.salesforce.soql.RecordView;
import io.scoreline.sim.salesforce.soql.SoqlEvaluator;
import io.scoreline.sim.salesforce.soql.SoqlParser;
import io.scoreline.sim.salesforce.soql.SoqlQuery;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/** Runs SOQL over the dataset's rows and snapshots the matching ids into a cursor. */
final class SalesforceQueryEngine {

    /** What a query produced: a count for {@code COUNT()}, otherwise an open cursor. */
    sealed interface Outcome {
        record Count(long total) implements Outcome {}

        record Rows(QueryCursor cursor) implements Outcome {}
    }

    /** Sort keys of one matching row, small enough to sort millions of them. */
    @SuppressWarnings("ArrayRecordComponent") // sort keys read by index; never compared
    private record Candidate(long idNumber, List<FieldPath> keyPaths, Object[] keys) implements RecordView {
        @Override
        public Object value(FieldPath path) {
            return keys[keyPaths.indexOf(path)];
        }
    }

    private final SalesforceRecords records;
    private final SoqlEvaluator evaluator;
    private final QueryCursors cursors;

    SalesforceQueryEngine(SalesforceRecords records, SoqlEvaluator evaluator, QueryCursors cursors) {
        this.records = records;
        this.evaluator = evaluator;
        this.cursors = cursors;
    }

    /** The ids a query matched, in order, fixed at the moment it ran. */
    @SuppressWarnings("ArrayRecordComponent") // row ids of one query; never compared
    record Selection(SalesforceObject type, SoqlQuery query, long[] idNumbers) {}

    /** @throws io.scoreline.sim.salesforce.soql.SoqlException for a query Salesforce would reject */
    Outcome run(String soql, boolean includeDeleted, int batchSize) {
        SoqlQuery query = SoqlParser.parse(soql);
        if (query.countOnly()) {
            return new Outcome.Count(select(query, includeDeleted).idNumbers().length);
        }
        Selection selection = select(query, includeDeleted);
        return new Outcome.Rows(cursors.open(selection.type(), query.fields(), selection.idNumbers(), batchSize));
    }

    Selection select(SoqlQuery query, boolean includeDeleted) {
        SalesforceObject type = SoqlValidator.validate(query, records.schemaDrift());
        Stream<QueryCandidate> matching = records.candidates(type)
                .filter(candidate -> includeDeleted || !candidate.deleted())
                .filter(candidate -> query.where()
                        .map(condition -> evaluator.matches(condition, view(candidate)))
                        .orElse(true));
        List<FieldPath> keyPaths =
                query.orderBy().stream().map(SoqlQuery.OrderItem::field).toList();
        Stream<Candidate> candidates = matching.map(candidate -> new Candidate(
                candidate.idNumber(),
                keyPaths,
                keyPaths.stream().map(path -> view(candidate).value(path)).toArray()));
        if (!keyPaths.isEmpty()) {
            Comparator<RecordView> ordering = evaluator.ordering(query.orderBy());
            candidates = candidates.sorted(ordering);
        }
        if (query.offset().isPresent()) {
            candidates = candidates.skip(query.offset().getAsInt());
        }
        if (query.limit().isPresent()) {
            candidates = candidates.limit(query.limit().getAsInt());
        }
        return new Selection(
                type, query, candidates.mapToLong(Candidate::idNumber).toArray());
    }

    Optional<QueryCursor> cursor(String id) {
        return cursors.touch(id);
    }

    /** A row of the cursor rendered with its current values. */
    Optional<SalesforceRow> row(QueryCursor cursor, int position) {
        return row(cursor.type(), cursor.idNumbers()[position]);
    }

    Optional<SalesforceRow> row(SalesforceObject type, long idNumber) {
        return records.byNumber(type, idNumber);
    }

    RecordView view(SalesforceRow row) {
        return view(row.type(), row::value);
    }

    private RecordView view(QueryCandidate candidate) {
        return view(candidate.type(), candidate::value);
    }

    /** @param values a row's fields by canonical name */
    private RecordView view(SalesforceObject type, Function<String, Object> values) {
        return path -> {
            if (!path.isRelationship()) {
                return values.apply(records.schemaDrift()
                        .field(type, path.parts().getFirst())
                        .orElseThrow()
                        .name());
            }
            SalesforceField lookup = type.relationship(path.parts().getFirst()).orElseThrow();
            return Optional.ofNullable((String) values.apply(lookup.name()))
                    .flatMap(records::byId)
                    .map(parent -> parent.value(records.schemaDrift()
                            .field(parent.type(), path.parts().get(1))
                            .orElseThrow()
                            .name()))
                    .orElse(null);
        };
    }

    SalesforceRecords records() {
        return records;
    }
}
