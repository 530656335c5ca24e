package io.scoreline.gamification.contests;

import io.scoreline.failure.ScorelineException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Where a page of contests ended, in their list order (latest first day, then latest created): the
 * next page starts after it, however many contests were created meanwhile.
 */
public record ContestCursor(LocalDate startsOn, long id) {

    private static final Pattern TEXT = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.(\\d{1,18})");

    public static ContestCursor after(Contest contest) {
        return new ContestCursor(contest.startsOn(), contest.id());
    }

    /** @throws ScorelineException bad input when the text is not a cursor this class made */
    public static ContestCursor parse(String text) {
        var matcher = TEXT.matcher(text.strip());
        if (matcher.matches()) {
            try {
                return new ContestCursor(LocalDate.parse(matcher.group(1)), Long.parseLong(matcher.group(2)));
            } catch (DateTimeParseException | NumberFormatException e) {
                // reported below
            }
        }
        throw ScorelineException.badInput("not a cursor of this list: pass the `next` of the previous page");
    }

    public String text() {
        return startsOn + "." + id;
    }
}
