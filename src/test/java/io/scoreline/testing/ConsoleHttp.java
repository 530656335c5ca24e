package io.scoreline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The console as a plain HTTP client sees it: no browser, no redirects followed, cookies by hand.
 * {@link #signIn} goes through the sign-in form as a browser would (its cookie, its hidden token).
 */
public final class ConsoleHttp {

    public static final String SESSION_COOKIE = "scoreline_console";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final ScorelineServer server;

    public ConsoleHttp(ScorelineServer server) {
        this.server = server;
    }

    /** A signed-in session: the cookie's value and the CSRF token its pages carry. */
    public record Session(String cookie, String csrf) {
        public String header() {
            return SESSION_COOKIE + "=" + cookie;
        }
    }

    /** Signs in with {@code key}; for a platform key, also picks {@code organizationId} when given. */
    public Session signIn(String key) {
        var page = get("/console/sign-in", Map.of());
        assertThat(page.statusCode()).isEqualTo(200);
        var signInCookie = cookie(page, "scoreline_console_signin").orElseThrow();
        var posted = post(
                "/console/sign-in",
                Map.of("Cookie", "scoreline_console_signin=" + signInCookie),
                Map.of("csrf", csrf(page.body()), "key", key));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        var session = cookie(posted, SESSION_COOKIE).orElseThrow();
        var landing = get(
                posted.headers().firstValue("Location").orElseThrow(),
                Map.of("Cookie", SESSION_COOKIE + "=" + session));
        assertThat(landing.statusCode()).isEqualTo(200);
        return new Session(session, csrf(landing.body()));
    }

    public HttpResponse<String> get(String path, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(server.uri(path)).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    public HttpResponse<String> get(String path, Session session) {
        return get(path, Map.of("Cookie", session.header()));
    }

    public HttpResponse<String> post(String path, Map<String, String> headers, Map<String, String> form) {
        var request = HttpRequest.newBuilder(server.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        headers.forEach(request::header);
        return send(request.build());
    }

    public static String csrf(String html) {
        var matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF field in " + html).isTrue();
        return matcher.group(1);
    }

    /** The value a Set-Cookie header of the response gives {@code name}. */
    public static Optional<String> cookie(HttpResponse<?> response, String name) {
        return setCookie(response, name)
                .map(h -> h.substring(name.length() + 1, h.indexOf(';') < 0 ? h.length() : h.indexOf(';')));
    }

    /** The whole Set-Cookie header for {@code name}, attributes included. */
    public static Optional<String> setCookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(h -> h.startsWith(name + "="))
                .findFirst();
    }

    private static String encode(Map<String, String> form) {
        return new LinkedHashMap<>(form)
                .entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
