package io.scoreline.pipeline.integrations.oauth;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.util.Optional;

/**
 * Why a callback connected nothing. The kind decides the HTTP status; the reason is what a console
 * shows; the return target, when the state was known, is where the browser goes back to.
 */
public final class OAuthFailure extends ScorelineException {

    /** Closed: a console switches on it to say what to do next. */
    public enum Reason {
        /** The CRM's user pressed Deny. */
        DENIED(FailureKind.AUTH),
        /** No attempt has this state (never issued, or tampered with). */
        UNKNOWN_STATE(FailureKind.NOT_FOUND),
        /** The state was issued more than ten minutes ago. */
        EXPIRED_STATE(FailureKind.BAD_INPUT),
        /** The state has been used already: a replay, or a second click. */
        USED_STATE(FailureKind.CONFLICT),
        /** The callback is not that of the CRM the attempt was started for. */
        WRONG_PROVIDER(FailureKind.BAD_INPUT),
        /** The CRM refused the code or answered an error on the callback. */
        CRM_REFUSED(FailureKind.AUTH),
        /** The CRM granted access but the integration could not be stored (its account is held elsewhere). */
        NOT_CONNECTED(FailureKind.CONFLICT);

        private final FailureKind kind;

        Reason(FailureKind kind) {
            this.kind = kind;
        }

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Reason reason;
    private final transient Optional<String> returnTo;

    OAuthFailure(Reason reason, String message, Optional<String> returnTo) {
        super(reason.kind, message);
        this.reason = reason;
        this.returnTo = returnTo;
    }

    OAuthFailure(Reason reason, String message, Optional<String> returnTo, Throwable cause) {
        super(reason.kind, message, cause);
        this.reason = reason;
        this.returnTo = returnTo;
    }

    public Reason reason() {
        return reason;
    }

    /** The console page to go back to, when the attempt named one. */
    public Optional<String> returnTo() {
        return returnTo;
    }
}
