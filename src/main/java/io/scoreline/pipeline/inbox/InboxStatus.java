package io.scoreline.pipeline.inbox;

import io.scoreline.failure.ScorelineException;
import java.util.Arrays;

/** Where an inbox row is: waiting, claimed by a worker (under a lease), written, or parked after its last attempt. */
public enum InboxStatus {
    PENDING,
    PROCESSING,
    DONE,
    FAILED;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static InboxStatus fromKey(String key) {
        return Arrays.stream(values())
                .filter(s -> s.key().equals(key))
                .findFirst()
                .orElseThrow(() -> ScorelineException.badInput(
                        "status must be one of pending, processing, done, failed; got '" + key + "'"));
    }
}
