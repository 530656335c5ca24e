package io.scoreline.pipeline.database;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Runs the Flyway migrations of {@code pipeline/db/migration} as the owner role. A schema that
 * already holds exactly this build's migrations is used without starting Flyway (ADR 0054):
 * Flyway's scan, validation and lock cost a short command more than its own work.
 */
public final class DatabaseMigrator {

    private final DatabaseEndpoint owner;
    private final String runtimeRole;
    private Flyway flyway;

    public DatabaseMigrator(DatabaseEndpoint owner, String runtimeRole) {
        this.owner = owner;
        this.runtimeRole = runtimeRole;
    }

    private Flyway flyway() {
        if (flyway == null) {
            flyway = Flyway.configure()
                    .dataSource(owner.jdbcUrl(), owner.user(), owner.password())
                    .locations("classpath:" + BundledMigrations.LOCATION)
                    .placeholders(Map.of("app_role", runtimeRole))
                    .validateMigrationNaming(true)
                    .load();
        }
        return flyway;
    }

    /** Applies pending migrations; returns how many ran. */
    public int migrate() {
        switch (state()) {
            case SchemaState.Current current -> {
                return 0;
            }
            case SchemaState.Ahead ahead -> throw ahead(ahead);
            case SchemaState.AskFlyway askFlyway -> {
                // behind, empty or anything unusual: Flyway migrates and validates, as it always did
            }
        }
        try {
            return flyway().migrate().migrationsExecuted;
        } catch (FlywayException e) {
            throw new ScorelineException(FailureKind.RETRYABLE, "migration failed: " + oneLine(e.getMessage()), e);
        }
    }

    /** Refuses to run against a schema this build does not know how to use. */
    public void requireCurrent() {
        switch (state()) {
            case SchemaState.Current current -> {
                return;
            }
            case SchemaState.Ahead ahead -> throw ahead(ahead);
            case SchemaState.AskFlyway askFlyway -> {
                // Flyway lists what is pending, as it always did
            }
        }
        try {
            var pending = flyway().info().pending();
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
        var current = flyway().info().current();
        return current == null ? "empty" : current.getVersion().getVersion();
    }

    /**
     * Compares the applied versions in Flyway's history with this build's, from their names
     * alone: equal sets and no failed row mean there is nothing to migrate. A database the
     * history of which cannot be read (none yet, another layout) is left to Flyway.
     */
    SchemaState state() {
        var bundled = BundledMigrations.versions(DatabaseMigrator.class.getClassLoader());
        if (bundled.isEmpty()) {
            return new SchemaState.AskFlyway();
        }
        var applied = new HashSet<MigrationVersion>();
        var properties = new Properties();
        if (owner.user() != null) {
            properties.setProperty("user", owner.user());
        }
        if (owner.password() != null) {
            properties.setProperty("password", owner.password());
        }
        properties.setProperty("connectTimeout", "10");
        try (var connection = DriverManager.getConnection(owner.jdbcUrl(), properties);
                var statement = connection.createStatement();
                var rows = statement.executeQuery(
                        "select version, success from flyway_schema_history where version is not null")) {
            while (rows.next()) {
                if (!rows.getBoolean(2)) {
                    return new SchemaState.AskFlyway();
                }
                applied.add(MigrationVersion.parse(rows.getString(1)));
            }
        } catch (SQLException | NumberFormatException e) {
            return new SchemaState.AskFlyway();
        }
        if (applied.isEmpty()) {
            return new SchemaState.AskFlyway();
        }
        var newestApplied = applied.stream().max(MigrationVersion::compareTo).orElseThrow();
        var newestBundled =
                bundled.get().stream().max(MigrationVersion::compareTo).orElseThrow();
        if (newestApplied.compareTo(newestBundled) > 0) {
            return new SchemaState.Ahead(newestApplied, newestBundled);
        }
        return applied.equals(bundled.get()) ? new SchemaState.Current(newestBundled) : new SchemaState.AskFlyway();
    }

    private static ScorelineException ahead(SchemaState.Ahead ahead) {
        return new ScorelineException(
                FailureKind.BAD_INPUT,
                "the database schema is at version " + ahead.database() + ", newer than this build's " + ahead.build()
                        + ": run a newer Scoreline against it");
    }

    private static String describe(MigrationInfo info) {
        return "V" + info.getVersion() + " " + info.getDescription();
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
