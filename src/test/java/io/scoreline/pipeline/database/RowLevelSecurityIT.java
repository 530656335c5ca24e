package io.scoreline.pipeline.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.testing.TestPostgres;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation is enforced by PostgreSQL, not by our WHERE clauses: these statements carry
 * no organization filter on purpose.
 */
class RowLevelSecurityIT {

    private static DatabaseRuntime database;
    private static TenantTransactions transactions;
    private static long orgA;
    private static long orgB;

    @BeforeAll
    static void seedTwoOrganizations() throws SQLException {
        database = TestPostgres.freshRuntime();
        transactions = new TenantTransactions(database.dsl());
        var owner = database.ownerEndpoint();
        // The owner role bypasses RLS (it owns the tables): seed both tenants through it.
        try (var connection = DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password())) {
            var dsl = DSL.using(connection);
            orgA = seed(dsl, "org-a");
            orgB = seed(dsl, "org-b");
        }
    }

    private static long seed(DSLContext dsl, String slug) {
        long org = dsl.fetchSingle(
                        "insert into organizations (slug, name, timezone) values (?, ?, 'Europe/Berlin') returning id",
                        slug,
                        slug)
                .get(0, Long.class);
        long profile = dsl.fetchSingle(
                        "insert into profiles (organization_id, email) values (?, ?) returning id",
                        org,
                        "rep@" + slug + ".test")
                .get(0, Long.class);
        dsl.execute("insert into teams (organization_id, name) values (?, 'Team')", org);
        dsl.execute(
                "insert into kpi_values (organization_id, profile_id, kpi_key, period_date, value, fact_count) "
                        + "values (?, ?, 'calls_made', date '2026-11-20', 5, 5)",
                org,
                profile);
        dsl.execute(
                "insert into integrations (organization_id, provider, credentials) values (?, 'hubspot', 'ciphertext')",
                org);
        return org;
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void workConfinedToOneOrganizationCannotOpenAnotherOnesTransaction() {
        int ownTeams = OrganizationConfinement.confined(
                orgA, () -> transactions.inOrganization(orgA, tx -> tx.fetchCount(DSL.table("teams"))));
        assertThat(ownTeams).isEqualTo(1);
        assertThatThrownBy(() -> OrganizationConfinement.confined(
                        orgA, () -> transactions.inOrganization(orgB, tx -> tx.fetchCount(DSL.table("teams")))))
                .isInstanceOfSatisfying(
                        ScorelineException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.NOT_FOUND))
                .hasMessage("not found");
        // The confinement ends with the call that bound it.
        assertThat(OrganizationConfinement.current()).isEmpty();
        int otherTeams = transactions.inOrganization(orgB, tx -> tx.fetchCount(DSL.table("teams")));
        assertThat(otherTeams).isEqualTo(1);
    }

    @Test
    void runtimeRoleIsNeitherOwnerNorBypassRls() {
        var role = transactions.withoutOrganization(
                tx -> tx.fetchOne("select current_user as name, r.rolsuper, r.rolbypassrls, "
                        + "exists (select 1 from pg_tables t where t.tableowner = current_user) as owns_tables "
                        + "from pg_roles r where r.rolname = current_user"));
        assertThat(role.get("name", String.class)).isEqualTo(DatabaseSettings.DEFAULT_RUNTIME_ROLE);
        assertThat(role.get("rolsuper", Boolean.class)).isFalse();
        assertThat(role.get("rolbypassrls", Boolean.class)).isFalse();
        assertThat(role.get("owns_tables", Boolean.class)).isFalse();
    }

    @Test
    void everyTenantTableHasRowLevelSecurityEnabled() {
        var unprotected = transactions.withoutOrganization(
                tx -> tx.fetch("select c.relname from pg_class c join information_schema.columns col "
                                + "on col.table_name = c.relname and col.column_name = 'organization_id' and col.table_schema = 'public' "
                                + "where c.relkind = 'r' and not c.relrowsecurity")
                        .getValues(0, String.class));
        assertThat(unprotected).isEmpty();
        assertThat(tenantTables()).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void everyPolicyReadsTheTenantOncePerStatement() {
        // A bare scoreline_current_org() in a policy is evaluated for every row (ADR 0018).
        var perRow = transactions.withoutOrganization(tx -> tx.fetch(
                        "select tablename || '.' || policyname from pg_policies where schemaname = 'public' "
                                + "and (coalesce(qual, '') || coalesce(with_check, '')) ~ '= scoreline_current_org\\(\\)'")
                .getValues(0, String.class));
        assertThat(perRow).isEmpty();

        // A thousand rows in one insert: the tenant is looked up once, in an InitPlan.
        var plan = transactions.inOrganization(
                orgA,
                tx -> String.join(
                        "\n",
                        tx.fetch(
                                        "explain insert into teams (organization_id, name) select {0}, 'Team ' || g from generate_series(1, 1000) g",
                                        DSL.val(orgA))
                                .getValues(0, String.class)));
        assertThat(plan).contains("InitPlan");
    }

    @Test
    void withoutTheSettingNoTenantRowIsVisible() {
        for (var table : tenantTables()) {
            int rows = transactions.withoutOrganization(tx -> tx.fetchCount(DSL.table(DSL.name(table))));
            assertThat(rows)
                    .as("rows of %s visible without scoreline.org_id", table)
                    .isZero();
        }
        int organizations = transactions.withoutOrganization(tx -> tx.fetchCount(DSL.table("organizations")));
        assertThat(organizations).isZero();
    }

    @Test
    void organizationSeesOnlyItsOwnRows() {
        for (var table : List.of("organizations", "profiles", "teams", "kpi_values", "integrations")) {
            var column = table.equals("organizations") ? "id" : "organization_id";
            var owners = transactions.inOrganization(
                    orgA,
                    tx -> tx.fetch("select distinct " + column + " from " + table)
                            .getValues(0, Long.class));
            assertThat(owners).as(table).containsExactly(orgA);
        }
    }

    @Test
    void organizationCannotInsertRowsForAnother() {
        assertThatThrownBy(() -> transactions.inOrganization(
                        orgA,
                        tx -> tx.execute("insert into teams (organization_id, name) values (?, 'Intruders')", orgB)))
                .isInstanceOf(ScorelineException.class)
                .hasMessageContaining("row-level security");
        int intruders = transactions.inOrganization(
                orgB, tx -> tx.fetchCount(DSL.table("teams"), DSL.field("name").eq("Intruders")));
        assertThat(intruders).isZero();
    }

    @Test
    void organizationCannotUpdateOrDeleteAnothersRows() {
        int updated = transactions.inOrganization(
                orgA, tx -> tx.execute("update kpi_values set value = 999 where organization_id = ?", orgB));
        int deleted = transactions.inOrganization(
                orgA, tx -> tx.execute("delete from profiles where organization_id = ?", orgB));
        assertThat(updated).isZero();
        assertThat(deleted).isZero();
        var value = transactions.inOrganization(
                orgB, tx -> tx.fetchSingle("select value from kpi_values").get(0, java.math.BigDecimal.class));
        assertThat(value).isEqualByComparingTo(new java.math.BigDecimal("5"));
        int profiles = transactions.inOrganization(orgB, tx -> tx.fetchCount(DSL.table("profiles")));
        assertThat(profiles).isEqualTo(1);
    }

    @Test
    void organizationCannotMoveItsRowsIntoAnother() {
        assertThatThrownBy(() -> transactions.inOrganization(
                        orgA, tx -> tx.execute("update teams set organization_id = ?", orgB)))
                .isInstanceOf(ScorelineException.class)
                .satisfies(e -> assertThat(((ScorelineException) e).kind()).isEqualTo(FailureKind.BUG));
    }

    /**
     * A foreign key check ignores row-level security, so V25's parent and manager keys include the
     * organization: a team cannot hang under another organization's team, nor a person report to
     * another organization's person, even by an id guessed from outside.
     */
    @Test
    void teamsAndManagersCannotPointIntoAnotherOrganization() {
        long teamOfB = ownerFetch("select id from teams where organization_id = " + orgB);
        long profileOfB = ownerFetch("select id from profiles where organization_id = " + orgB);
        assertThatThrownBy(() -> transactions.inOrganization(
                        orgA,
                        tx -> tx.execute("update teams set parent_id = ? where organization_id = ?", teamOfB, orgA)))
                .isInstanceOf(ScorelineException.class)
                .satisfies(e -> assertThat(((ScorelineException) e).kind()).isEqualTo(FailureKind.CONFLICT));
        assertThatThrownBy(() -> transactions.inOrganization(
                        orgA,
                        tx -> tx.execute(
                                "update profiles set manager_id = ? where organization_id = ?", profileOfB, orgA)))
                .isInstanceOf(ScorelineException.class)
                .satisfies(e -> assertThat(((ScorelineException) e).kind()).isEqualTo(FailureKind.CONFLICT));
        int pointing = transactions.inOrganization(
                orgA,
                tx -> tx.fetchCount(DSL.table("teams"), DSL.field("parent_id").isNotNull())
                        + tx.fetchCount(
                                DSL.table("profiles"), DSL.field("manager_id").isNotNull()));
        assertThat(pointing).isZero();
    }

    private static long ownerFetch(String sql) {
        var owner = database.ownerEndpoint();
        try (var connection = DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password())) {
            return DSL.using(connection).fetchSingle(sql).get(0, Long.class);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void settingIsLocalToTheTransaction() {
        transactions.inOrganization(orgA, tx -> tx.fetchCount(DSL.table("profiles")));
        int leaked = transactions.withoutOrganization(tx -> tx.fetchCount(DSL.table("profiles")));
        assertThat(leaked).isZero();
    }

    private static List<String> tenantTables() {
        return new ArrayList<>(transactions.withoutOrganization(
                tx -> tx.fetch("select table_name from information_schema.columns where table_schema = 'public' "
                                + "and column_name = 'organization_id' and table_name not like 'qrtz%' order by 1")
                        .getValues(0, String.class)));
    }
}
