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
        List<String> participants,
        ContestOptions options) {

    /** Longest grace period: late data after a month is a correction, not part of the race. */
    static final Duration MAX_GRACE = Duration.ofDays(31);
    /** contests.target is numeric(20, 6): 14 digits before the point. */
    static final BigDecimal MAX_TARGET = BigDecimal.TEN.pow(14);

    /** The grace period when none is given. */
    public static final Duration DEFAULT_GRACE = Duration.ofHours(24);

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,6})([smhd])");

    public NewContest {
        participants = List.copyOf(participants);
    }

    /** A standard, visible, one-off contest. */
    public NewContest(
            String name,
            String kpiKey,
            LocalDate startsOn,
            LocalDate endsOn,
            boolean teams,
            Optional<BigDecimal> target,
            Duration grace,
            List<String> participants) {
        this(name, kpiKey, startsOn, endsOn, teams, target, grace, participants, ContestOptions.STANDARD);
    }

    /**
     * The command line's request with the options of ADR 0045: with {@code --every}, {@code --to}
     * is not given, the first period ends where the recurrence says.
     */
    public static NewContest of(
            String name,
            String kpiKey,
            String from,
            String to,
            boolean teams,
            String target,
            String grace,
            String participants,
            String format,
            String pairs,
            String every,
            boolean hidden) {
        return of(name, kpiKey, from, to, teams, target, grace, participants, format, pairs, every, hidden, null);
    }

    /** The same with {@code --rank-by} (ADR 0046; absent: value). */
    public static NewContest of(
            String name,
            String kpiKey,
            String from,
            String to,
            boolean teams,
            String target,
            String grace,
            String participants,
            String format,
            String pairs,
            String every,
            boolean hidden,
            String rankBy) {
        var checkedTarget = target(target, "--target");
        var options = ContestOptions.of(
                format,
                ContestOptions.pairItems(pairs),
                every,
                hidden,
                rankBy,
                checkedTarget,
                teams,
                participants != null,
                ContestOptions.Fields.CLI);
        if (options.every().isEmpty()) {
            return of(name, kpiKey, from, to, teams, target, grace, participants)
                    .with(options);
        }
        if (to != null) {
            throw ScorelineException.badInput(
                    "--to is not used with --every: each period ends the day before the next one starts");
        }
        var startsOn = day(from, "--from");
        var endsOn = options.every().get().end(startsOn, 0);
        return of(name, kpiKey, from, endsOn.toString(), teams, target, grace, participants)
                .with(options);
    }

    /** This request with {@code participants} (the people of explicit pairs). */
    NewContest withParticipants(List<String> participants) {
        return new NewContest(name, kpiKey, startsOn, endsOn, teams, target, grace, participants, options);
    }

    /** This request with {@code options}. */
    public NewContest with(ContestOptions options) {
        return new NewContest(name, kpiKey, startsOn, endsOn, teams, target, grace, participants, options);
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
        var checkedName = name(name, "--name");
        var checkedKpi = kpi(kpiKey, "--kpi");
        var startsOn = day(from, "--from");
        var endsOn = lastDay(startsOn, to, "--from", "--to");
        return new NewContest(
                checkedName,
                checkedKpi,
                startsOn,
                endsOn,
                teams,
                target(target, "--target"),
                grace == null ? DEFAULT_GRACE : grace(grace, "--grace"),
                participants == null ? List.of() : emails(participants, "--participants"));
    }

    // One check per field, each naming the field as its caller spells it (`--from` on the command
    // line, `from` in an API body), so both entry points refuse the same values in the same words.

    /** A non-blank name, stripped. */
    public static String name(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ScorelineException.badInput(field + " must not be empty");
        }
        return value.strip();
    }

    /** A non-blank KPI key, stripped (whether the organization knows it is checked on create). */
    public static String kpi(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ScorelineException.badInput(field + " must name a KPI such as calls_made");
        }
        return value.strip();
    }

    /** A day, YYYY-MM-DD. */
    public static LocalDate day(String value, String field) {
        if (value == null) {
            throw ScorelineException.badInput(field + " is required (YYYY-MM-DD)");
        }
        return DayInput.parse(value, field);
    }

    /** The last day, not before the first. */
    public static LocalDate lastDay(LocalDate startsOn, String value, String fromField, String field) {
        var endsOn = day(value, field);
        if (endsOn.isBefore(startsOn)) {
            throw ScorelineException.badInput(field + " " + value + " is before " + fromField + " " + startsOn);
        }
        return endsOn;
    }

    /** A positive target below {@link #MAX_TARGET}, or none. */
    public static Optional<BigDecimal> target(String value, String field) {
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
                field + " must be a positive number below " + MAX_TARGET.toPlainString() + ", got '" + value + "'");
    }

    /** {@code 24h}, {@code 90m}, {@code 2d}, {@code 0} or an ISO-8601 duration such as {@code PT36H}. */
    public static Duration grace(String value, String field) {
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
                    field + " must be a duration from 0 to 31d such as 24h, 90m or 2d, got '" + value + "'");
        }
        return grace;
    }

    /** E-mails separated by commas or spaces, lower-cased, each once. */
    public static List<String> emails(String value, String field) {
        var emails = new LinkedHashSet<String>();
        for (var part : value.split("[,\\s]+")) {
            if (!part.isBlank()) {
                emails.add(part.strip().toLowerCase(Locale.ROOT));
            }
        }
        if (emails.isEmpty()) {
            throw ScorelineException.badInput(field + " must list e-mails separated by commas");
        }
        return new ArrayList<>(emails);
    }
}
