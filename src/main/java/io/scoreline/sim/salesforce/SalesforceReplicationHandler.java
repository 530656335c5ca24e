package io.scoreline.sim.salesforce;

import io.scoreline.sim.http.Reply;
import io.scoreline.sim.http.SimRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code sobjects/{type}/updated} and {@code /deleted}: ids changed in a window, seconds ignored,
 * within 30 (updated) or 15 (deleted) days, {@code latestDateCovered} never past now.
 */
final class SalesforceReplicationHandler {

    static final int MAX_IDS = 600_000;

    private final SalesforceRecords records;
    private final Clock clock;

    SalesforceReplicationHandler(SalesforceRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    Reply updated(SimRequest request, String typeName) {
        return window(request, typeName, Duration.ofDays(30), (type, from, until) -> {
            List<String> ids = records.candidates(type)
                    .filter(candidate -> !candidate.deleted() && inWindow(candidate.systemModstamp(), from, until))
                    .map(QueryCandidate::id)
                    .limit(MAX_IDS + 1L)
                    .toList();
            if (ids.size() > MAX_IDS) {
                return SalesforceErrors.of(
                        400,
                        "EXCEEDED_ID_LIMIT",
                        "record limit reached. cannot submit more than" + " 600000 records in a single call");
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ids", ids);
            body.put("latestDateCovered", SalesforceJsonWriter.dateTime(until));
            return Reply.json(200, body);
        });
    }

    Reply deleted(SimRequest request, String typeName) {
        Duration retention = Duration.ofDays(15);
        return window(request, typeName, retention, (type, from, until) -> {
            List<Map<String, Object>> deleted = records.candidates(type)
                    .filter(candidate -> candidate.deleted() && inWindow(candidate.systemModstamp(), from, until))
                    .map(QueryCandidate::row)
                    .limit(MAX_IDS)
                    .map(row -> {
                        Map<String, Object> entry = new LinkedHashMap<>();
                        entry.put("id", row.id());
                        entry.put("deletedDate", SalesforceJsonWriter.dateTime((Instant) row.value("SystemModstamp")));
                        return entry;
                    })
                    .toList();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("deletedRecords", deleted);
            body.put(
                    "earliestDateAvailable",
                    SalesforceJsonWriter.dateTime(
                            clock.instant().minus(retention).truncatedTo(ChronoUnit.MINUTES)));
            body.put("latestDateCovered", SalesforceJsonWriter.dateTime(until));
            return Reply.json(200, body);
        });
    }

    private interface WindowQuery {
        Reply answer(SalesforceObject type, Instant from, Instant until);
    }

    private Reply window(SimRequest request, String typeName, Duration reach, WindowQuery query) {
        Optional<SalesforceObject> type = SalesforceSchema.find(typeName);
        if (type.isEmpty()) {
            return SalesforceErrors.notFound();
        }
        Optional<Instant> start = request.queryParam("start").flatMap(SalesforceReplicationHandler::parse);
        Optional<Instant> end = request.queryParam("end").flatMap(SalesforceReplicationHandler::parse);
        if (start.isEmpty() || end.isEmpty()) {
            return SalesforceErrors.of(400, "MALFORMED_QUERY", "start and end must be ISO-8601 date-times");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Instant from = start.get().truncatedTo(ChronoUnit.MINUTES);
        Instant until = end.get().truncatedTo(ChronoUnit.MINUTES);
        if (until.isAfter(now)) {
            until = now;
        }
        if (!from.isBefore(until)) {
            return SalesforceErrors.of(
                    400,
                    "INVALID_REPLICATION_DATE",
                    "startDate must chronologically precede" + " endDate by more than one minute");
        }
        if (from.isBefore(now.minus(reach))) {
            return SalesforceErrors.of(
                    400, "INVALID_REPLICATION_DATE", "startDate cannot be more than " + reach.toDays() + " days ago");
        }
        return query.answer(type.get(), from, until);
    }

    private static boolean inWindow(Instant at, Instant from, Instant until) {
        return !at.isBefore(from) && at.isBefore(until);
    }

    private static Optional<Instant> parse(String text) {
        try {
            String normalized = text.replace(' ', '+');
            if (normalized.matches(".*[+-]\\d{4}$")) {
                normalized = normalized.substring(0, normalized.length() - 2) + ":"
                        + normalized.substring(normalized.length() - 2);
            }
            return Optional.of(OffsetDateTime.parse(normalized).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
