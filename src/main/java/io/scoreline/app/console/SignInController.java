package io.scoreline.app.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.scoreline.app.console.session.ConsoleSessions;
import io.scoreline.app.console.session.SignIn;
import java.time.Clock;
import java.util.Map;

/**
 * Signing in with an API key, picking an organization with a platform key, and signing out. The
 * key travels once, in the sign-in form's body; it is neither stored, echoed nor logged.
 */
@Controller("/console")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SignInController {

    static final String KEY_FIELD = "key";
    static final String ORGANIZATION_FIELD = "organization";

    private final ConsoleSessions sessions;
    private final ConsoleViews views;
    private final Clock clock;

    public SignInController(ConsoleSessions sessions, ConsoleViews views, Clock clock) {
        this.sessions = sessions;
        this.views = views;
        this.clock = clock;
    }

    @Get
    @ConsolePage
    public HttpResponse<?> home(@RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit) {
        return ConsoleViews.redirect("/console/boards");
    }

    @Get("/sign-in")
    @ConsolePage(access = ConsolePage.Access.PUBLIC)
    public HttpResponse<?> signInPage(@RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit) {
        if (visit.session().isPresent()) {
            return ConsoleViews.redirect("/console/boards");
        }
        return signInForm(visit, HttpStatus.OK, null);
    }

    @Post(uri = "/sign-in", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @ConsolePage(access = ConsolePage.Access.PUBLIC)
    public HttpResponse<?> signIn(
            @RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit, @Body @Nullable byte[] body) {
        var key = ConsoleForm.parse(body).value(KEY_FIELD).orElse("");
        if (key.isBlank()) {
            return signInForm(visit, HttpStatus.UNPROCESSABLE_ENTITY, "Enter an API key.");
        }
        return switch (sessions.signIn(key)) {
            case SignIn.Refused ignored ->
                signInForm(
                        visit, HttpStatus.UNAUTHORIZED, "That key does not work: it is unknown, revoked or expired.");
            case SignIn.Opened opened -> {
                var session = opened.session();
                var next = session.organizationId().isPresent() ? "/console/boards" : ConsoleGuard.PICK_PATH;
                yield ConsoleViews.redirect(next)
                        .cookie(ConsoleCookies.session(
                                session.id(), session.expiresAt(), clock.instant(), visit.secure()))
                        .cookie(ConsoleCookies.cleared(ConsoleCookies.SIGN_IN, visit.secure()));
            }
        };
    }

    @Get("/organizations")
    @ConsolePage(access = ConsolePage.Access.SESSION)
    public HttpResponse<?> organizations(@RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit) {
        var session = visit.requireSession();
        if (session.organizationId().isPresent()) {
            return ConsoleViews.redirect("/console/boards");
        }
        return views.page(
                views.frame(visit, "Pick an organization", Section.NONE),
                "organizations.jte",
                Map.of("organizations", sessions.organizations(session)));
    }

    @Post(uri = "/organizations", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @ConsolePage(access = ConsolePage.Access.SESSION)
    public HttpResponse<?> pick(@RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit, @Body @Nullable byte[] body) {
        var chosen = ConsoleForm.parse(body).required(ORGANIZATION_FIELD, "An organization");
        long organizationId;
        try {
            organizationId = Long.parseLong(chosen);
        } catch (NumberFormatException e) {
            throw io.scoreline.failure.ScorelineException.notFound("no such organization");
        }
        sessions.pick(visit.requireSession(), organizationId);
        return ConsoleViews.redirect("/console/boards");
    }

    @Post(uri = "/sign-out", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @ConsolePage(access = ConsolePage.Access.SESSION)
    public HttpResponse<?> signOut(
            @RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit, @Body @Nullable byte[] body) {
        sessions.signOut(visit.requireSession().id());
        return ConsoleViews.redirect(ConsoleGuard.SIGN_IN_PATH)
                .cookie(ConsoleCookies.cleared(ConsoleCookies.SESSION, visit.secure()));
    }

    private HttpResponse<?> signInForm(ConsoleVisit visit, HttpStatus status, @Nullable String error) {
        var frame = views.frame(visit, "Sign in", Section.NONE);
        return views.page(status, error == null ? frame : frame.withError(error), "sign-in.jte", Map.of())
                .cookie(ConsoleCookies.signIn(visit.csrfToken(), visit.secure()));
    }
}
