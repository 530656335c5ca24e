package io.scoreline.app.console;

import io.scoreline.app.console.session.ConsoleSession;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.access.ApiCaller;
import java.util.Optional;

/**
 * One console request as {@link ConsoleGuard} admitted it; routes take it as
 * {@code @RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit}.
 *
 * @param session   the live session; empty on public routes without one
 * @param csrfToken what the request's form must carry: the session's token, or before sign-in
 *                  the sign-in cookie's (double submit)
 * @param secure    whether the request came over HTTPS (cookies are then Secure)
 */
public record ConsoleVisit(Optional<ConsoleSession> session, String csrfToken, boolean secure) {

    /** The caller the use cases see, as for an API request with the session's key. */
    public ApiCaller.OrganizationKey caller() {
        return session.flatMap(ConsoleSession::caller)
                .orElseThrow(() -> new ScorelineException(
                        FailureKind.BUG, "a console route that needs an organization is not declared so"));
    }

    public ConsoleSession requireSession() {
        return session.orElseThrow(
                () -> new ScorelineException(FailureKind.BUG, "a console route that needs a session is public"));
    }
}
