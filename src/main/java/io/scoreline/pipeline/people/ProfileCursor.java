package io.scoreline.pipeline.people;

import io.scoreline.failure.ScorelineException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page of profiles ended: the last e-mail shown (profiles are listed by e-mail, unique in
 * an organization). Opaque to callers; a cursor that does not decode is refused, not ignored.
 */
public record ProfileCursor(String afterEmail) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public String token() {
        return ENCODER.encodeToString(("p:" + afterEmail).getBytes(StandardCharsets.UTF_8));
    }

    public static ProfileCursor parse(String token) {
        String decoded;
        try {
            decoded = new String(DECODER.decode(token.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = "";
        }
        if (!decoded.startsWith("p:") || decoded.length() == 2) {
            throw ScorelineException.badInput("not a cursor of this list: pass the `next` of the previous page");
        }
        return new ProfileCursor(decoded.substring(2));
    }
}
