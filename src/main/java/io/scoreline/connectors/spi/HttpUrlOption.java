package io.scoreline.connectors.spi;

import io.scoreline.failure.ScorelineException;
import java.net.URI;
import java.net.URISyntaxException;

/** An http(s) URL an operator typed for an option, as settings store it: without a trailing slash. */
public final class HttpUrlOption {

    private HttpUrlOption() {}

    /** The URL, or bad input naming {@code option}. */
    public static String parse(String value, String option) {
        try {
            var uri = new URI(value.strip());
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw ScorelineException.badInput(option + " must be an http(s) URL, got '" + value + "'");
            }
            var text = uri.toString();
            return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        } catch (URISyntaxException e) {
            throw ScorelineException.badInput(option + " is not a valid URL: '" + value + "'");
        }
    }
}
