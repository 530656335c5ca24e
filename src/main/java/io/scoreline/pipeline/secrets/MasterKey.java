package io.scoreline.pipeline.secrets;

import io.scoreline.failure.ScorelineException;

/** The key every credential is encrypted with. Never printed: {@code toString} masks it. */
public record MasterKey(String value) {

    static final int MINIMUM_LENGTH = 16;

    public MasterKey {
        if (value == null || value.strip().length() < MINIMUM_LENGTH) {
            throw ScorelineException.badInput("the master key must be at least " + MINIMUM_LENGTH + " characters long");
        }
        value = value.strip();
    }

    @Override
    public String toString() {
        return "MasterKey[***]";
    }
}
