package io.scoreline.gamification.notifications;

import io.scoreline.failure.ScorelineException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A position in an organization's notification feed (ADR 0040): the transaction that wrote the
 * last notification seen and its id. The feed orders by both, and answers only notifications of
 * transactions that ended before every transaction still running, so no notification can later
 * commit behind a cursor. Callers see it as opaque text.
 *
 * @param transaction the writing transaction's 64-bit id ({@code notifications.created_xid}); 0 before the first
 * @param id          the notification's id; 0 before the first
 */
public record FeedCursor(long transaction, long id) {

    /** Before every notification: the feed from its beginning. */
    public static final FeedCursor START = new FeedCursor(0, 0);

    private static final Pattern TEXT = Pattern.compile("n1\\.([0-9]{1,18})\\.([0-9]{1,18})");

    public FeedCursor {
        if (transaction < 0 || id < 0) {
            throw new IllegalArgumentException("a feed cursor is never negative");
        }
    }

    /** The text a caller passes back as {@code ?after=}. */
    public String text() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("n1." + transaction + "." + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws ScorelineException bad input when {@code text} is not a cursor this feed gave out */
    public static FeedCursor parse(String text) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw notACursor();
        }
        var matcher = TEXT.matcher(decoded);
        if (!matcher.matches()) {
            throw notACursor();
        }
        return new FeedCursor(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)));
    }

    private static ScorelineException notACursor() {
        return ScorelineException.badInput("not a cursor of this feed: pass the 'next' of a previous page, or nothing");
    }
}
