package io.scoreline.pipeline.database;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import org.jooq.exception.DataAccessException;

/** Turns a database error into a failure kind by its SQLSTATE class, never by its message. */
final class DatabaseFailures {

    private DatabaseFailures() {}

    static ScorelineException classify(DataAccessException e) {
        var state = e.sqlState() == null ? "" : e.sqlState();
        var stateClass = state.length() >= 2 ? state.substring(0, 2) : "";
        var kind = switch (stateClass) {
            // connection, rollback (serialization, deadlock), resources, shutdown, system errors
            case "08", "40", "53", "57", "58" -> FailureKind.RETRYABLE;
            case "23" -> FailureKind.CONFLICT;
            case "22" -> FailureKind.BAD_INPUT;
            default -> FailureKind.BUG;
        };
        var cause = e.getCause() != null && e.getCause().getMessage() != null
                ? e.getCause().getMessage()
                : e.getMessage();
        return new ScorelineException(kind, "database: " + cause.strip().replaceAll("\\s*\\R\\s*", " "), e);
    }
}
