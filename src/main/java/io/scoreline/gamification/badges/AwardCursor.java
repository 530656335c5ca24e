package io.scoreline.gamification.badges;

import io.scoreline.failure.ScorelineException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Where a page of awards ended, newest first (awarded at, then id): the next page starts after it,
 * however many awards were made meanwhile.
 */
public record AwardCursor(Instant awardedAt, long id) {

    private static final Pattern TEXT = Pattern.compile("(\\d{1,19})\\.(\\d{1,9})\\.(\\d{1,18})");

    public static AwardCursor after(AwardView award) {
        return new AwardCursor(award.awardedAt(), award.id());
    }

    /** @throws ScorelineException bad input when the text is not a cursor this class made */
    public static AwardCursor parse(String text) {
        var matcher = TEXT.matcher(text.strip());
        if (matcher.matches()) {
            try {
                return new AwardCursor(
                        Instant.ofEpochSecond(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))),
                        Long.parseLong(matcher.group(3)));
            } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
                // reported below
            }
        }
        throw ScorelineException.badInput("not a cursor of this list: pass the `next` of the previous page");
    }

    public String text() {
        return awardedAt.getEpochSecond() + "." + awardedAt.getNano() + "." + id;
    }
}
