package io.scoreline.failure;

import java.util.Objects;

/**
 * The one unchecked exception root of Scoreline. Its {@link FailureKind} decides retries, exit
 * codes and HTTP statuses; its message is a single line fit to show an operator.
 */
public class ScorelineException extends RuntimeException {

    private final FailureKind kind;

    public ScorelineException(FailureKind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public ScorelineException(FailureKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public FailureKind kind() {
        return kind;
    }

    public static ScorelineException badInput(String message) {
        return new ScorelineException(FailureKind.BAD_INPUT, message);
    }

    public static ScorelineException notFound(String message) {
        return new ScorelineException(FailureKind.NOT_FOUND, message);
    }

    public static ScorelineException conflict(String message) {
        return new ScorelineException(FailureKind.CONFLICT, message);
    }
}
