package io.scoreline.pipeline.integrations.oauth;

import io.scoreline.failure.ScorelineException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Where the callback sends the browser afterwards: only ever a path of this server's console. A
 * callback that redirected wherever its attempt said would be an open redirect for whoever can start
 * an attempt, so anything with a scheme, a host, {@code //}, a backslash, dot segments or control
 * characters is refused when the attempt starts.
 */
public final class ReturnTarget {

    private static final int MAX_LENGTH = 500;

    private ReturnTarget() {}

    public static Optional<String> parse(Optional<String> typed) {
        return typed.map(ReturnTarget::parse);
    }

    static String parse(String typed) {
        var bad = ScorelineException.badInput(
                "return_to must be a path of the console such as /console/integrations, got '" + printable(typed)
                        + "'");
        if (typed.length() > MAX_LENGTH
                || !typed.startsWith("/console/")
                || typed.contains("//")
                || typed.contains("\\")
                || typed.contains("#")
                || typed.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            throw bad;
        }
        try {
            var uri = new URI(typed);
            var path = uri.getPath();
            if (uri.getScheme() != null
                    || uri.getRawAuthority() != null
                    || path == null
                    || !uri.normalize().getPath().equals(path)
                    || path.contains("/../")
                    || path.endsWith("/..")
                    || path.contains("/./")) {
                throw bad;
            }
        } catch (URISyntaxException e) {
            throw bad;
        }
        return typed;
    }

    private static String printable(String text) {
        var cut = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
