package io.scoreline.pipeline.integrations.oauth;

import io.scoreline.pipeline.integrations.Integration;
import java.time.Instant;
import java.util.Optional;

/** Where an attempt stands, for whoever waits on the browser ({@code integration connect --oauth}). */
public sealed interface OAuthProgress {

    /** Nobody has come back to the callback yet. */
    record Waiting(Instant expiresAt) implements OAuthProgress {}

    /** The state expired before anyone came back with it. */
    record Expired(Instant expiredAt) implements OAuthProgress {}

    /** The callback came and ended the attempt, either way; the integration when one was connected. */
    record Finished(OAuthOutcome outcome, Optional<Integration> integration) implements OAuthProgress {}
}
