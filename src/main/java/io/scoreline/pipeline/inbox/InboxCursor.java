package io.scoreline.pipeline.inbox;

import io.scoreline.failure.ScorelineException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Where a page of the inbox listing ended: the next page holds older events (smaller ids). Callers
 * see it as opaque text. Events are listed for an operator, not polled, so id order is enough.
 *
 * @param beforeId the id of the last event of the previous page
 */
public record InboxCursor(long beforeId) {

    private static final Pattern TEXT = Pattern.compile("i1\\.([0-9]{1,18})");

    public String text() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("i1." + beforeId).getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws ScorelineException bad input when {@code text} is not a cursor the inbox gave out */
    public static InboxCursor parse(String text) {
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
        return new InboxCursor(Long.parseLong(matcher.group(1)));
    }

    private static ScorelineException notACursor() {
        return ScorelineException.badInput("not a cursor of the inbox: pass the 'next' of a previous page, or nothing");
    }
}
