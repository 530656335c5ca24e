package io.scoreline.app.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Attributes the rewards the open loop caused to its events, each stage measured from when the
 * event was offered (its scheduled send time, carried as its {@code occurredAt}):
 *
 * <ul>
 *   <li><b>KPI</b>: the inbox row's {@code processed_at}, stamped in the transaction that moves the
 *       event's {@code kpi_values} row, just before it commits; every processed event has one.
 *   <li><b>Leaderboard</b>: the first leaderboard row of the event's person that was written at or
 *       after that and seen by the {@link RewardObserver}; it is the first board that counts the
 *       event. An event with no such row (its change cancelled out with others of the same person
 *       and no later one moved the row) is counted as unattributed.
 *   <li><b>Badge notification</b>: each notification is attributed to the earliest event of its
 *       person whose KPI was written after the evaluator's previous pass over that person: the
 *       event that crossed the threshold is among those, so this is the longest the crossing event
 *       can have waited. Only events that cause a badge have this stage.
 * </ul>
 */
final class RewardLatencies {

    /** An event of the phase: its call's person, when it was offered and when its KPI was written. */
    record Event(long profileId, Instant offeredAt, Instant kpiWrittenAt) {}

    /** One stage's latencies in milliseconds. */
    record Stage(String name, double[] millis) {

        Map<String, Object> toJson() {
            var p = new Percentiles(millis);
            var json = new java.util.LinkedHashMap<String, Object>();
            json.put("samples", millis.length);
            json.put("p50_ms", round(p.at(50)));
            json.put("p95_ms", round(p.at(95)));
            json.put("p99_ms", round(p.at(99)));
            json.put("max_ms", round(p.at(100)));
            return json;
        }

        String line() {
            var p = new Percentiles(millis);
            return String.format(
                    java.util.Locale.ROOT,
                    "%s: %d samples, p50 %.1f / p95 %.1f / p99 %.1f / max %.1f ms",
                    name,
                    millis.length,
                    p.at(50),
                    p.at(95),
                    p.at(99),
                    p.at(100));
        }
    }

    /** What was attributed, stage by stage. */
    record Attributed(
            Stage toKpi, Stage toLeaderboard, Stage toBadge, long unattributedLeaderboard, long outsideContest) {}

    private RewardLatencies() {}

    /**
     * @param events the phase's events
     * @param rows   leaderboard rows as observed
     * @param badges badge notifications as observed
     * @param passes per person, when the evaluator claimed that person's changes (each
     *               {@code kpi_changes.processed_at} of the phase)
     * @param participants the people the contest ranks: an event about anyone else has no
     *               leaderboard stage
     */
    static Attributed attribute(
            List<Event> events,
            java.util.Set<Long> participants,
            Collection<RewardObserver.Seen> rows,
            Collection<RewardObserver.Seen> badges,
            Map<Long, NavigableSet<Instant>> passes) {
        var rowsByPerson = new HashMap<Long, TreeMap<Instant, Instant>>();
        for (var row : rows) {
            // A row written once and seen by two reads keeps its first sighting.
            rowsByPerson
                    .computeIfAbsent(row.profileId(), p -> new TreeMap<>())
                    .merge(row.writtenAt(), row.seenAt(), (a, b) -> a.isBefore(b) ? a : b);
        }
        var toKpi = new double[events.size()];
        var toBoard = new ArrayList<Double>();
        int i = 0;
        long outside = 0;
        for (var event : events) {
            toKpi[i++] = millis(event.offeredAt(), event.kpiWrittenAt());
            if (!participants.contains(event.profileId())) {
                outside++;
                continue;
            }
            var board = rowsByPerson.get(event.profileId());
            var written = board == null ? null : board.ceilingEntry(event.kpiWrittenAt());
            if (written != null) {
                toBoard.add(millis(event.offeredAt(), written.getValue()));
            }
        }
        var eventsByPerson = new HashMap<Long, TreeSet<Event>>();
        var byKpiWrite = Comparator.comparing(Event::kpiWrittenAt).thenComparing(Event::offeredAt);
        for (var event : events) {
            eventsByPerson
                    .computeIfAbsent(event.profileId(), p -> new TreeSet<>(byKpiWrite))
                    .add(event);
        }
        var toBadge = new ArrayList<Double>();
        for (var badge : badges) {
            var personEvents = eventsByPerson.get(badge.profileId());
            if (personEvents == null) {
                continue;
            }
            var personPasses = passes.getOrDefault(badge.profileId(), new TreeSet<>());
            // The pass that wrote the notification began at or before it; the one before that saw
            // everything written before it began.
            var writingPass = personPasses.floor(badge.writtenAt());
            var previousPass = writingPass == null ? null : personPasses.lower(writingPass);
            var from = previousPass == null ? Instant.MIN : previousPass;
            var cause = personEvents.ceiling(new Event(badge.profileId(), Instant.MIN, from));
            if (cause != null && !cause.kpiWrittenAt().isAfter(badge.writtenAt())) {
                toBadge.add(millis(cause.offeredAt(), badge.seenAt()));
            }
        }
        return new Attributed(
                new Stage("offered → kpi_values", toKpi),
                new Stage("offered → leaderboard", unbox(toBoard)),
                new Stage("offered → badge notification", unbox(toBadge)),
                events.size() - outside - toBoard.size(),
                outside);
    }

    private static double millis(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
