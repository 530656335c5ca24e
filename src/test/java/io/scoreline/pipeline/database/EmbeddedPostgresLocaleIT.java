package io.scoreline.pipeline.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.testing.TestPostgres;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedded server's databases sort text as Java does, whatever the machine's locale (ADR 0015). */
class EmbeddedPostgresLocaleIT {

    @Test
    void databasesUsePostgresqlsOwnCodePointCollation() throws SQLException {
        var endpoint = TestPostgres.freshDatabase();
        try (var connection = DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.user(), endpoint.password());
                var statement = connection.createStatement()) {
            try (var result = statement.executeQuery(
                    "select datlocprovider, datlocale from pg_database where datname = current_database()")) {
                result.next();
                assertThat(result.getString(1)).as("locale provider").isEqualTo("b");
                assertThat(result.getString(2)).isEqualTo("C.UTF-8");
            }
            var words = List.of("b", "B", "a", "_", "Ä", "ä", "00T1", "00t1", "é");
            var sorted = new ArrayList<String>();
            try (var result = statement.executeQuery(
                    "select x from unnest(array['" + String.join("','", words) + "']) as t(x) order by x")) {
                while (result.next()) {
                    sorted.add(result.getString(1));
                }
            }
            assertThat(sorted).isEqualTo(words.stream().sorted().toList());
            try (var result = statement.executeQuery("select upper('ä é'), lower('ÄÉ')")) {
                result.next();
                assertThat(result.getString(1))
                        .as("case mapping still knows Unicode")
                        .isEqualTo("Ä É");
                assertThat(result.getString(2)).isEqualTo("äé");
            }
        }
    }
}
