package io.scoreline.pipeline.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.testing.TestPostgres;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 in the store, below the CLI: the demo's delete refuses an organization it did not
 * create, and organization names are bounded and printable whoever creates them.
 */
class OrganizationOriginAndNameIT {

    private static DatabaseRuntime database;
    private static OrganizationStore store;

    @BeforeAll
    static void open() {
        database = TestPostgres.freshRuntime();
        store = new OrganizationStore(new TenantTransactions(database.dsl()));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void demoDeleteRefusesAnOperatorsOrganizationAndDeletesItsOwn() {
        var customer = store.create(NewOrganization.of("customer", "Customer", "UTC", "monday"));
        assertThat(store.origin(customer.id())).isEqualTo(OrganizationOrigin.OPERATOR);
        assertThatThrownBy(() -> store.delete(customer.id(), OrganizationOrigin.DEMO))
                .isInstanceOfSatisfying(
                        ScorelineException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.CONFLICT))
                .hasMessage(
                        "organization " + customer.id() + " was created by operator, not by demo: it is not deleted");
        assertThat(store.findBySlug("customer")).isPresent();

        var own = store.create(NewOrganization.of("own-demo", "Own demo", "UTC", "monday"), OrganizationOrigin.DEMO);
        assertThat(store.origin(own.id())).isEqualTo(OrganizationOrigin.DEMO);
        store.delete(own.id(), OrganizationOrigin.DEMO);
        assertThat(store.findBySlug("own-demo")).isEmpty();
    }

    @Test
    void theRecordItselfRefusesUnprintableOrOverlongNames() {
        var utc = ZoneId.of("UTC");
        for (var name : new String[] {
            "Evil\u001b[31m", "Two\nlines", "Bell\u0007", "C1\u009b", "Rev\u202eersed", "x".repeat(201)
        }) {
            assertThatThrownBy(() -> new NewOrganization("ok", name, utc, DayOfWeek.MONDAY))
                    .as(name)
                    .isInstanceOfSatisfying(
                            ScorelineException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.BAD_INPUT));
        }
        assertThat(new NewOrganization("ok", "  Zürich Sales 🚀  ", utc, DayOfWeek.MONDAY).name())
                .isEqualTo("Zürich Sales 🚀");
    }

    @Test
    void theDatabaseRefusesAnEscapeInANameFromAnyOtherWriter() throws SQLException {
        var owner = database.ownerEndpoint();
        try (var connection = DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password());
                var statement = connection.prepareStatement(
                        "insert into organizations (slug, name, timezone) values (?, ?, 'UTC')")) {
            statement.setString(1, "raw");
            statement.setString(2, "Raw\u001b[2J");
            assertThatThrownBy(statement::executeUpdate)
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("organizations_name_printable");
            statement.setString(2, "y".repeat(201));
            assertThatThrownBy(statement::executeUpdate)
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("organizations_name_printable");
            statement.setString(2, "Raw but fine");
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }
}
