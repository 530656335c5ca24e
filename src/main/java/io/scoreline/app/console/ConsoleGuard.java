package io.scoreline.app.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.RouteAttributes;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.app.console.session.ConsoleSession;
import io.scoreline.app.console.session.ConsoleSessions;
import io.scoreline.app.console.session.SessionId;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * The gate of every {@code /console} request, before any page runs. A route without
 * {@link ConsolePage} answers 404 (closed, not open). An unsafe method from another origin is
 * refused (403). A page without a live session redirects to sign-in; a platform key's session
 * without an organization goes to the organization picker; a role below the page's gets 403.
 * The visit is left on the request as {@link #VISIT}. Every answer carries {@link ConsoleHeaders},
 * and an error Micronaut answers by itself becomes an HTML page.
 */
@ServerFilter(ConsoleGuard.PATTERN)
public class ConsoleGuard {

    public static final String PATTERN = "/console/**";
    /** The request attribute holding the {@link ConsoleVisit}. */
    public static final String VISIT = "scoreline.console.visit";

    static final String SIGN_IN_PATH = "/console/sign-in";
    static final String PICK_PATH = "/console/organizations";

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final ConsoleSessions sessions;
    private final ConsoleViews views;
    private final Optional<URI> publicBaseUrl;

    public ConsoleGuard(ConsoleSessions sessions, ConsoleViews views, ScorelineConfig config) {
        this.sessions = sessions;
        this.views = views;
        this.publicBaseUrl = config.webhooks().publicBaseUrl();
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> admit(HttpRequest<?> request) {
        boolean unsafe = !SAFE.contains(request.getMethod());
        if (unsafe && !sameOrigin(request)) {
            return refuse(HttpStatus.FORBIDDEN, "This form came from another site and was refused.");
        }
        var page = RouteAttributes.getRouteMatch(request)
                .flatMap(match -> Optional.ofNullable(match.getAnnotationMetadata()))
                .flatMap(metadata -> Optional.ofNullable(metadata.synthesize(ConsolePage.class)));
        if (page.isEmpty()) {
            return refuse(HttpStatus.NOT_FOUND, "There is no such page.");
        }
        var session = ConsoleCookies.value(request, ConsoleCookies.SESSION)
                .flatMap(SessionId::parse)
                .flatMap(sessions::use);
        var access = page.get().access();
        if (access != ConsolePage.Access.PUBLIC) {
            if (session.isEmpty()) {
                return ConsoleHeaders.apply(ConsoleViews.redirect(SIGN_IN_PATH));
            }
            if (access == ConsolePage.Access.ORGANIZATION
                    && session.get().organizationId().isEmpty()) {
                return ConsoleHeaders.apply(ConsoleViews.redirect(PICK_PATH));
            }
            if (!session.get().scope().covers(page.get().scope())) {
                return refuse(
                        HttpStatus.FORBIDDEN,
                        "This needs a key with the " + page.get().scope().key() + " role; yours has "
                                + session.get().scope().key() + ".");
            }
        }
        request.setAttribute(VISIT, new ConsoleVisit(session, csrfToken(request, session), request.isSecure()));
        return null;
    }

    /** Every console answer gets the headers; an error without a page of ours gets one. */
    @ResponseFilter
    public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        ConsoleHeaders.apply(response);
        var type = response.getContentType().map(MediaType::getName).orElse("");
        if (response.getStatus().getCode() >= 400 && !MediaType.TEXT_HTML.equals(type)) {
            var page = views.error(
                    response.getStatus(), signedOutFrame(), response.getStatus().getReason());
            var mutable = (MutableHttpResponse<Object>) response;
            mutable.contentType(page.getContentType().orElse(MediaType.TEXT_HTML_TYPE));
            mutable.body(page.body());
        }
    }

    private MutableHttpResponse<String> refuse(HttpStatus status, String message) {
        return ConsoleHeaders.apply(views.error(status, signedOutFrame(), message));
    }

    private static Frame signedOutFrame() {
        return new Frame("Scoreline console", Section.NONE, Optional.empty(), "", false, Optional.empty());
    }

    /**
     * A form's token: the session's once signed in; before that the sign-in cookie's, or a new one
     * the sign-in page sets.
     */
    private static String csrfToken(HttpRequest<?> request, Optional<ConsoleSession> session) {
        return session.map(ConsoleSession::csrfToken)
                .or(() -> ConsoleCookies.value(request, ConsoleCookies.SIGN_IN)
                        .filter(v -> SessionId.parse(v).isPresent()))
                .orElseGet(SessionId::randomToken);
    }

    /**
     * Where a form was posted from. A browser says so in {@code Sec-Fetch-Site}, which must be
     * {@code same-origin}. Without it, {@code Origin} must be this server as the browser reached it
     * (or as {@code SCORELINE_PUBLIC_BASE_URL} names it behind a proxy). Under
     * {@code Referrer-Policy: no-referrer} a browser sends {@code Origin: null} for its own forms,
     * so {@code null} and a missing header prove nothing either way: the CSRF token still decides.
     */
    private boolean sameOrigin(HttpRequest<?> request) {
        var site = request.getHeaders().get("Sec-Fetch-Site");
        if (site != null) {
            return "same-origin".equalsIgnoreCase(site);
        }
        var origin = request.getHeaders().get("Origin");
        if (origin == null || "null".equals(origin)) {
            return true;
        }
        var host = request.getHeaders().get("Host");
        var own = (request.isSecure() ? "https://" : "http://") + host;
        if (host != null && origin.equalsIgnoreCase(own)) {
            return true;
        }
        return publicBaseUrl
                .map(base -> base.getScheme() + "://" + base.getAuthority())
                .filter(origin::equalsIgnoreCase)
                .isPresent();
    }
}
