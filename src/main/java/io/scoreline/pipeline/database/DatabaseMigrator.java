package io.scoreline.pipeline.database;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;

/** Runs the Flyway migrations of {@code pipeline/db/migration} as the owner role. */
public final class DatabaseMigrator {

    private final Flyway flyway;

    public DatabaseMigrator(DatabaseEndpoint owner, String runtimeRole) {
        this.flyway = Flyway.configure()
                .dataSource(owner.jdbcUrl(), owner.user(), owner.password())
                .locations("classpath:db/migration")
                .placeholders(Map.of("app_role", runtimeRole))
                .validateMigrationNaming(true)
                .load();
    }

    /** Applies pending migrations; returns how many ran. */
    public int migrate() {
        try {
            return flyway.migrate().migrationsExecuted;
        } catch (FlywayException e) {
            throw new ScorelineException(FailureKind.RETRYABLE, "migration failed: " + oneLine(e.getMessage()), e);
        }
    }

    /** Refuses to run against a schema this build does not know how to use. */
    public void requireCurrent() {
        try {
            var pending = flyway.info().pending();
            if (pending.length > 0) {
                throw new ScorelineException(
                        FailureKind.BAD_INPUT,
                        "the database schema is behind this build ("
                                + pending.length + " pending migration(s), first " + describe(pending[0])
                                + "): run `scoreline migrate`");
            }
        } catch (FlywayException e) {
            throw new ScorelineException(
                    FailureKind.RETRYABLE, "cannot read the schema version: " + oneLine(e.getMessage()), e);
        }
    }

    /** The version the database is at, or "empty". */
    public String currentVersion() {
        var current = flyway.info().current();
        return current == null ? "empty" : current.getVersion().getVersion();
    }

    private static String describe(MigrationInfo info) {
        return "V" + info.getVersion() + " " + info.getDescription();
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
