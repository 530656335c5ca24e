package io.scoreline.app.console;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.scoreline.app.console.session.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The console's two cookies. Both are HttpOnly (no script reads them), SameSite=Strict (no other
 * site's page sends them) and Secure when the request came over HTTPS; neither holds a key.
 */
public final class ConsoleCookies {

    /** The session's opaque id (only its hash is stored). */
    public static final String SESSION = "scoreline_console";
    /** Before sign-in: the CSRF token the sign-in form must repeat (double submit). */
    public static final String SIGN_IN = "scoreline_console_signin";

    static final String SESSION_PATH = "/console";
    static final String SIGN_IN_PATH = "/console/sign-in";

    private ConsoleCookies() {}

    public static Cookie session(SessionId id, Instant expiresAt, Instant now, boolean secure) {
        return strict(Cookie.of(SESSION, id.text()), SESSION_PATH, secure)
                .maxAge(Duration.between(now, expiresAt).toSeconds());
    }

    public static Cookie signIn(String token, boolean secure) {
        return strict(Cookie.of(SIGN_IN, token), SIGN_IN_PATH, secure).maxAge(Duration.ofHours(1));
    }

    /** Tells the browser to drop a cookie. */
    public static Cookie cleared(String name, boolean secure) {
        var path = SESSION.equals(name) ? SESSION_PATH : SIGN_IN_PATH;
        return strict(Cookie.of(name, ""), path, secure).maxAge(0);
    }

    static Optional<String> value(HttpRequest<?> request, String name) {
        return request.getCookies().findCookie(name).map(Cookie::getValue);
    }

    private static Cookie strict(Cookie cookie, String path, boolean secure) {
        return cookie.httpOnly(true).sameSite(SameSite.Strict).path(path).secure(secure);
    }
}
