package io.scoreline.pipeline.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.testing.TestPostgres;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * The start-up's schema check (ADR 0054): Flyway is skipped only when the database holds exactly
 * this build's migrations; a newer schema is refused; anything else is left to Flyway as before.
 */
class SchemaStateIT {

    private static final String ROLE = DatabaseSettings.DEFAULT_RUNTIME_ROLE;

    @Test
    void anEmptyDatabaseIsMigratedByFlywayThenCurrentWithoutIt() throws SQLException {
        var owner = TestPostgres.freshDatabase();
        var migrator = new DatabaseMigrator(owner, ROLE);
        assertThat(migrator.state()).isInstanceOf(SchemaState.AskFlyway.class);

        assertThat(migrator.migrate()).isPositive();

        var state = new DatabaseMigrator(owner, ROLE).state();
        assertThat(state).isInstanceOf(SchemaState.Current.class);
        assertThat(((SchemaState.Current) state).version().toString()).isEqualTo(newestApplied(owner));
        assertThat(new DatabaseMigrator(owner, ROLE).migrate()).isZero();
        new DatabaseMigrator(owner, ROLE).requireCurrent();
    }

    @Test
    void aSchemaNewerThanTheBuildIsRefused() throws SQLException {
        var owner = TestPostgres.freshDatabase();
        new DatabaseMigrator(owner, ROLE).migrate();
        execute(
                owner,
                "insert into flyway_schema_history (installed_rank, version, description, type, script,"
                        + " checksum, installed_by, execution_time, success) values (100000, '100000', 'from the future',"
                        + " 'SQL', 'V100000__from_the_future.sql', 0, 'test', 0, true)");

        var migrator = new DatabaseMigrator(owner, ROLE);
        assertThat(migrator.state()).isInstanceOf(SchemaState.Ahead.class);
        for (Runnable start : new Runnable[] {migrator::migrate, migrator::requireCurrent}) {
            assertThatThrownBy(start::run)
                    .isInstanceOf(ScorelineException.class)
                    .hasMessageContaining("database schema is at version 100000, newer than this build's")
                    .satisfies(e -> assertThat(((ScorelineException) e).kind()).isEqualTo(FailureKind.BAD_INPUT));
        }
    }

    @Test
    void aFailedOrMissingMigrationIsLeftToFlyway() throws SQLException {
        var owner = TestPostgres.freshDatabase();
        new DatabaseMigrator(owner, ROLE).migrate();
        var newest = newestApplied(owner);

        execute(owner, "update flyway_schema_history set success = false where version = '" + newest + "'");
        assertThat(new DatabaseMigrator(owner, ROLE).state()).isInstanceOf(SchemaState.AskFlyway.class);

        execute(owner, "delete from flyway_schema_history where version = '" + newest + "'");
        assertThat(new DatabaseMigrator(owner, ROLE).state()).isInstanceOf(SchemaState.AskFlyway.class);
    }

    private static String newestApplied(DatabaseEndpoint owner) throws SQLException {
        try (var connection = DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password());
                var statement = connection.createStatement();
                var rows = statement.executeQuery(
                        "select max(version::int) from flyway_schema_history where version is not null")) {
            rows.next();
            return Integer.toString(rows.getInt(1));
        }
    }

    private static void execute(DatabaseEndpoint owner, String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password());
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
