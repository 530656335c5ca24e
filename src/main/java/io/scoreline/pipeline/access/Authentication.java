package io.scoreline.pipeline.access;

/** What a bearer amounts to. */
public sealed interface Authentication {

    record Authenticated(ApiCaller caller) implements Authentication {}

    /**
     * Not a key that works. The reason is for the server's log and for the answer's
     * {@code error_description} only as far as RFC 6750 allows: invalid or expired, nothing finer.
     *
     * @param keyId the key's id when the prefix found one (for the log), else -1
     */
    record Refused(Reason reason, long keyId) implements Authentication {}

    enum Reason {
        /** No Authorization header, or not a Bearer one. */
        MISSING,
        /** Not the shape of a key, no such prefix, or the secret does not match. */
        UNKNOWN,
        REVOKED,
        EXPIRED
    }
}
