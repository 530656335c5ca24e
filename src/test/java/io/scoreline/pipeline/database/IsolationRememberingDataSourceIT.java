package io.scoreline.pipeline.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The wrapper answers the isolation level from memory, follows what it is told, and passes everything else on. */
class IsolationRememberingDataSourceIT {

    @Test
    void answersTheIsolationLevelWithoutAskingTheServerAgain() throws SQLException {
        var endpoint = TestPostgres.freshDatabase();
        var plain = new PGSimpleDataSource();
        plain.setUrl(endpoint.jdbcUrl());
        plain.setUser(endpoint.user());
        plain.setPassword(endpoint.password());
        try (var connection = new IsolationRememberingDataSource(plain).getConnection()) {
            assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
            // Changed behind the driver's back: a connection that asked the server would now see it.
            try (var statement = connection.createStatement()) {
                statement.execute("set session characteristics as transaction isolation level repeatable read");
            }
            assertThat(connection.getTransactionIsolation())
                    .as("remembered, not asked")
                    .isEqualTo(Connection.TRANSACTION_READ_COMMITTED);

            connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
            try (var statement = connection.createStatement();
                    var result = statement.executeQuery("show default_transaction_isolation")) {
                result.next();
                assertThat(result.getString(1))
                        .as("the setter reached the server")
                        .isEqualTo("serializable");
            }
            assertThat(connection.unwrap(org.postgresql.PGConnection.class)).isNotNull();
        }
    }
}
