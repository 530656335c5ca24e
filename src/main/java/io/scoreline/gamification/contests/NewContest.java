package io.scoreline.gamification.contests;

import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.tenancy.DayInput;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A validated request to create a contest. What can be checked without the database is checked
 * here; the KPI key and the e-mails are checked against the organization by {@link ContestStore}.
 *
 * @param participants e-mails of the people taking part; empty means every active profile
 */
public record NewContest(
        String name,
        String kpiKey,
        LocalDate startsOn,
        LocalDate endsOn,
        boolean teams,
        Optional<BigDecimal> target,
        Duration grace,
        List<String> participants) {

    /** Longest grace period: late data after a month is a correction, not part of the race. */
    static final Duration MAX_GRACE = Duration.ofDays(31);
    /** contests.target is numeric(20, 6): 14 digits before the point. */
    static final BigDecimal MAX_TARGET = BigDecimal.TEN.pow(14);

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,6})([smhd])");

    public NewContest {
        participants = List.copyOf(participants);
    }

    public static NewContest of(
            String name,
            String kpiKey,
            String from,
            String to,
            boolean teams,
            String target,
            String grace,
            String participants) {
        if (name == null || name.isBlank()) {
            throw ScorelineException.badInput("--name must not be empty");
        }
        if (kpiKey == null || kpiKey.isBlank()) {
            throw ScorelineException.badInput("--kpi must name a KPI such as calls_made");
        }
        var startsOn = date(from, "--from");
        var endsOn = date(to, "--to");
        if (endsOn.isBefore(startsOn)) {
            throw ScorelineException.badInput("--to " + to + " is before --from " + from);
        }
        return new NewContest(
                name.strip(),
                kpiKey.strip(),
                startsOn,
                endsOn,
                teams,
                target(target),
                grace == null ? Duration.ofHours(24) : grace(grace),
                emails(participants));
    }

    private static LocalDate date(String value, String option) {
        if (value == null) {
            throw ScorelineException.badInput(option + " is required (YYYY-MM-DD)");
        }
        return DayInput.parse(value, option);
    }

    private static Optional<BigDecimal> target(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            var target = new BigDecimal(value.strip());
            if (target.signum() > 0 && target.compareTo(MAX_TARGET) < 0) {
                return Optional.of(target);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ScorelineException.badInput(
                "--target must be a positive number below " + MAX_TARGET.toPlainString() + ", got '" + value + "'");
    }

    /** {@code 24h}, {@code 90m}, {@code 2d}, {@code 0} or an ISO-8601 duration such as {@code PT36H}. */
    static Duration grace(String value) {
        var text = value.strip().toLowerCase(Locale.ROOT);
        Duration grace = null;
        var matcher = SHORT_DURATION.matcher(text);
        if (text.equals("0")) {
            grace = Duration.ZERO;
        } else if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            grace = switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } else {
            try {
                grace = Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        if (grace == null || grace.isNegative() || grace.compareTo(MAX_GRACE) > 0) {
            throw ScorelineException.badInput(
                    "--grace must be a duration from 0 to 31d such as 24h, 90m or 2d, got '" + value + "'");
        }
        return grace;
    }

    private static List<String> emails(String value) {
        if (value == null) {
            return List.of();
        }
        var emails = new LinkedHashSet<String>();
        for (var part : value.split("[,\\s]+")) {
            if (!part.isBlank()) {
                emails.add(part.strip().toLowerCase(Locale.ROOT));
            }
        }
        if (emails.isEmpty()) {
            throw ScorelineException.badInput("--participants must list e-mails separated by commas");
        }
        return new ArrayList<>(emails);
    }
}
