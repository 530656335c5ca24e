package io.scoreline.sim.salesforce;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * A row a query (or a replication resource) is about to test. The id number, {@code IsDeleted} and {@code SystemModstamp} come
 * with it (for a generated record they are its metadata); the row itself is built only when the
 * query reads another field. A change query (a modstamp window, ordered by modstamp and id) so
 * selects a million records without building one row, and builds each row once, for its page.
 */
final class QueryCandidate {

    private final SalesforceObject type;
    private final long idNumber;
    private final boolean deleted;
    private final Instant systemModstamp;
    private final Supplier<SalesforceRow> builder;
    private SalesforceRow row;

    QueryCandidate(
            SalesforceObject type,
            long idNumber,
            boolean deleted,
            Instant systemModstamp,
            Supplier<SalesforceRow> builder) {
        this.type = type;
        this.idNumber = idNumber;
        this.deleted = deleted;
        this.systemModstamp = systemModstamp;
        this.builder = builder;
    }

    static QueryCandidate of(SalesforceRow row) {
        return new QueryCandidate(
                row.type(),
                SalesforceIds.number(row.id(), row.type().keyPrefix()).orElseThrow(),
                row.deleted(),
                (Instant) row.value("SystemModstamp"),
                () -> row);
    }

    SalesforceObject type() {
        return type;
    }

    long idNumber() {
        return idNumber;
    }

    String id() {
        return SalesforceIds.of(type.keyPrefix(), idNumber);
    }

    boolean deleted() {
        return deleted;
    }

    Instant systemModstamp() {
        return systemModstamp;
    }

    /** A field by its canonical name, as {@link SalesforceRow#value} gives it. */
    Object value(String canonicalName) {
        return switch (canonicalName) {
            case "Id" -> id();
            case "IsDeleted" -> deleted;
            case "SystemModstamp" -> systemModstamp;
            default -> row().value(canonicalName);
        };
    }

    /** The row, built on the first call. */
    SalesforceRow row() {
        if (row == null) {
            row = builder.get();
        }
        return row;
    }
}
