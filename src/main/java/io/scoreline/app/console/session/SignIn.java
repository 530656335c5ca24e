package io.scoreline.app.console.session;

/** What a key typed into the sign-in form amounts to. */
public sealed interface SignIn {

    /** Not a key that works (unknown, revoked or expired: the page does not tell them apart). */
    record Refused() implements SignIn {}

    /**
     * A session is open. A platform key's session has no organization yet: its holder picks one
     * before any page shows data.
     */
    record Opened(ConsoleSession session) implements SignIn {}
}
