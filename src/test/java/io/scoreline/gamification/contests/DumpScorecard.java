package io.scoreline.gamification.contests;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A scorecard's scores computed a second way, for checking the product against: straight from a
 * Salesforce ground-truth dump ({@code salesforce/<Object>.jsonl}) with this class's own reading of
 * three stock rules and of the scorecard's arithmetic. It deliberately uses none of the product's
 * classes (no rule compiler, evaluator, catalog or measure reader), so a mistake there cannot hide
 * in both sides of the comparison.
 */
final class DumpScorecard {

    /** One scorecard line: {@code points} per unit of the KPI, at most {@code capPerDay} points per person and day. */
    record Line(String kpi, BigDecimal points, Optional<BigDecimal> capPerDay) {}

    static final String CALLS_MADE = "calls_made";
    static final String MEETINGS_BOOKED = "meetings_booked";
    static final String REVENUE_WON = "revenue_won";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter SALESFORCE_DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private DumpScorecard() {}

    /**
     * The three KPIs per person and local day, keyed {@code "email kpi date"} (as {@code KpiTruth.stored}),
     * zeros left out, following the stock rules in {@code mappings/salesforce.yaml}:
     * <ul>
     *   <li>{@code calls_made}: 1 per Task with TaskSubtype Call, on its CreatedDate's local day;
     *   <li>{@code meetings_booked}: 1 per Event with EventSubtype Event that is not all-day, on its CreatedDate's local day;
     *   <li>{@code revenue_won}: the Amount of each won Opportunity that has one, on its CloseDate (a date, no shift).
     * </ul>
     * Deleted records count for nothing, and only records of active users with an e-mail count.
     */
    static Map<String, BigDecimal> dailyValues(Path dump, ZoneId zone) {
        var emails = new HashMap<String, String>();
        rows(dump.resolve("salesforce/User.jsonl"), user -> {
            if (Boolean.TRUE.equals(user.get("IsActive")) && user.get("Email") instanceof String email) {
                emails.put((String) user.get("Id"), email.toLowerCase(Locale.ROOT));
            }
        });
        var values = new TreeMap<String, BigDecimal>();
        Consumer<Credit> credit = c -> {
            var email = emails.get(c.ownerId());
            if (email != null) {
                values.merge(email + " " + c.kpi() + " " + c.day(), c.value(), BigDecimal::add);
            }
        };
        rows(dump.resolve("salesforce/Task.jsonl"), task -> {
            if (live(task) && "Call".equalsIgnoreCase(text(task, "TaskSubtype"))) {
                credit.accept(new Credit(
                        text(task, "OwnerId"), CALLS_MADE, localDay(text(task, "CreatedDate"), zone), BigDecimal.ONE));
            }
        });
        rows(dump.resolve("salesforce/Event.jsonl"), event -> {
            if (live(event)
                    && "Event".equalsIgnoreCase(text(event, "EventSubtype"))
                    && Boolean.FALSE.equals(event.get("IsAllDayEvent"))) {
                credit.accept(new Credit(
                        text(event, "OwnerId"),
                        MEETINGS_BOOKED,
                        localDay(text(event, "CreatedDate"), zone),
                        BigDecimal.ONE));
            }
        });
        rows(dump.resolve("salesforce/Opportunity.jsonl"), deal -> {
            if (live(deal) && Boolean.TRUE.equals(deal.get("IsWon")) && deal.get("Amount") != null) {
                credit.accept(new Credit(
                        text(deal, "OwnerId"),
                        REVENUE_WON,
                        LocalDate.parse(text(deal, "CloseDate")),
                        new BigDecimal(deal.get("Amount").toString())));
            }
        });
        values.replaceAll((key, value) -> value.stripTrailingZeros());
        values.values().removeIf(v -> v.signum() == 0);
        return values;
    }

    /**
     * Each participant's score over {@code [from, to]}: per person and day, each line's points are
     * {@code points × value}, capped at the line's cap; the lines' points are added, then the days'.
     * A participant without values scores 0.
     */
    static Map<String, BigDecimal> scores(
            Map<String, BigDecimal> dailyValues,
            List<Line> lines,
            LocalDate from,
            LocalDate to,
            Collection<String> participants) {
        var scores = new TreeMap<String, BigDecimal>();
        for (var participant : participants) {
            var score = BigDecimal.ZERO;
            for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
                for (var line : lines) {
                    var value = dailyValues.getOrDefault(participant + " " + line.kpi() + " " + day, BigDecimal.ZERO);
                    var points = line.points().multiply(value);
                    if (line.capPerDay().isPresent()
                            && points.compareTo(line.capPerDay().get()) > 0) {
                        points = line.capPerDay().get();
                    }
                    score = score.add(points);
                }
            }
            scores.put(participant, score.stripTrailingZeros());
        }
        return scores;
    }

    /** How many person-days of the window the line's cap cut: a scorecard test whose caps never bind tests no cap. */
    static long cappedDays(Map<String, BigDecimal> dailyValues, Line line, LocalDate from, LocalDate to) {
        if (line.capPerDay().isEmpty()) {
            return 0;
        }
        return dailyValues.entrySet().stream()
                .filter(e -> {
                    var parts = e.getKey().split(" ");
                    var day = LocalDate.parse(parts[2]);
                    return parts[1].equals(line.kpi()) && !day.isBefore(from) && !day.isAfter(to);
                })
                .filter(e -> line.points()
                                .multiply(e.getValue())
                                .compareTo(line.capPerDay().get())
                        > 0)
                .count();
    }

    private record Credit(String ownerId, String kpi, LocalDate day, BigDecimal value) {}

    private static boolean live(Map<String, Object> row) {
        return !Boolean.TRUE.equals(row.get("IsDeleted"));
    }

    private static String text(Map<String, Object> row, String field) {
        return row.get(field) == null ? null : row.get(field).toString();
    }

    /** Salesforce datetimes are UTC text such as {@code 2026-12-01T14:03:22.000+0000}. */
    private static LocalDate localDay(String dateTime, ZoneId zone) {
        return OffsetDateTime.parse(dateTime, SALESFORCE_DATETIME)
                .atZoneSameInstant(zone)
                .toLocalDate();
    }

    @SuppressWarnings("unchecked")
    private static void rows(Path file, Consumer<Map<String, Object>> row) {
        try (var lines = Files.lines(file)) {
            lines.forEach(line -> {
                try {
                    row.accept(JSON.readValue(line, Map.class));
                } catch (IOException e) {
                    throw new UncheckedIOException("bad dump line in " + file + ": " + line, e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
