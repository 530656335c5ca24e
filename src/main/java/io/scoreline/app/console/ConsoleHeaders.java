package io.scoreline.app.console;

import io.micronaut.http.MutableHttpResponse;

/**
 * The headers of every console response: the page may load only its own scripts, styles and
 * images (nothing inline), may not be framed, may post forms only to itself, and is neither
 * sniffed, cached nor named in another site's Referer.
 */
public final class ConsoleHeaders {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; "
            + "base-uri 'none'";

    private ConsoleHeaders() {}

    public static <T> MutableHttpResponse<T> apply(MutableHttpResponse<T> response) {
        return response.headers(h -> {
            h.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            h.set("X-Content-Type-Options", "nosniff");
            h.set("Referrer-Policy", "no-referrer");
            h.set("X-Frame-Options", "DENY");
            h.set("Cache-Control", "no-store");
        });
    }
}
