package io.scoreline.pipeline.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.testing.TestPostgres;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the runtime role may write, read from PostgreSQL's catalogue after every migration: each
 * table it can change is either scoped to one tenant by row-level security or named below with
 * the reason it is not (ADR 0022). A new table that is neither fails here until someone decides.
 */
class RuntimeRoleGrantsIT {

    private static final String ROLE = DatabaseSettings.DEFAULT_RUNTIME_ROLE;

    /** Written without row-level security, on purpose. */
    private static final Map<String, String> ALLOWED_WITHOUT_ROW_LEVEL_SECURITY =
            quartzTables("Quartz's clustered job store runs on the runtime pool: the scheduler of every serving node "
                    + "reads and writes these rows for all organizations (job names carry integration ids; no "
                    + "credentials, no tenant data). Cluster-wide infrastructure, not tenant data.");

    /**
     * Owner-run functions the runtime role may call. Each one crosses tenants or writes what the
     * role cannot, so each answers with directory columns or does one narrow thing.
     */
    private static final Map<String, String> ALLOWED_SECURITY_DEFINER_FUNCTIONS = Map.ofEntries(
            Map.entry("scoreline_org_directory", "organization ids, slugs and names for listing and routing"),
            Map.entry(
                    "scoreline_integration_directory",
                    "integration ids, providers and statuses for routing and scheduling"),
            Map.entry("scoreline_inbox_due_organizations", "which organizations have webhook events due"),
            Map.entry("scoreline_orgs_with_pending_changes", "which organizations have KPI changes to evaluate"),
            Map.entry("scoreline_contest_directory", "contest ids and windows for the lifecycle ticker"),
            Map.entry(
                    "scoreline_contest_series_directory",
                    "contest series ids, recurrences and first days for the lifecycle ticker (ADR 0045)"),
            Map.entry("scoreline_master_key_fingerprint", "the stored master key fingerprint (an HMAC, never the key)"),
            Map.entry("scoreline_record_master_key_fingerprint", "records the first fingerprint; never replaces one"),
            Map.entry(
                    "scoreline_salesforce_endpoint",
                    "one integration's status, org id and endpoint secret hash, to check an outbound "
                            + "message before its tenant is known (the hash of a 256-bit secret; ADR 0020)"),
            Map.entry(
                    "scoreline_api_key_by_prefix",
                    "one API key's id, organization, scope, dates and HMAC, to check a bearer before its tenant is known (ADR 0036)"),
            Map.entry("scoreline_api_key_used", "sets one key's last use, at most once a minute"),
            Map.entry("scoreline_api_key_revoke", "revokes one key by id (apikey revoke names no organization)"),
            Map.entry(
                    "scoreline_platform_api_key_create", "inserts a platform key (no organization), admin scope only"),
            Map.entry("scoreline_platform_api_keys", "lists platform keys: prefixes, names, dates; never a hash"),
            Map.entry(
                    "scoreline_console_session_open",
                    "stores one console session: the hash of its id, its key's id and scope (ADR 0050)"),
            Map.entry(
                    "scoreline_console_session_use",
                    "finds one console session by the hash of its id, deleting it when it or its key has ended"),
            Map.entry(
                    "scoreline_console_session_pick",
                    "binds one platform key's console session to an organization, once"),
            Map.entry("scoreline_console_session_close", "deletes one console session by the hash of its id"),
            Map.entry(
                    "scoreline_oauth_state_take",
                    "marks one OAuth state used by the hash of its value and names its organization"));

    private static DatabaseRuntime database;
    private static TenantTransactions transactions;

    @BeforeAll
    static void migrate() {
        database = TestPostgres.freshRuntime();
        transactions = new TenantTransactions(database.dsl());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void everyWritableTableIsTenantScopedOrAllowed() {
        var writable = writableTables();
        assertThat(writable).as("tables the runtime role can write").isNotEmpty();
        var rowLevelSecured = rowLevelSecuredTables();
        var unexplained = writable.stream()
                .filter(t -> !rowLevelSecured.contains(t) && !ALLOWED_WITHOUT_ROW_LEVEL_SECURITY.containsKey(t))
                .toList();
        assertThat(unexplained)
                .as("tables the runtime role can insert, update or delete that are neither scoped by row-level "
                        + "security nor on the allow-list of this test")
                .isEmpty();
        assertThat(writable)
                .contains("integrations", "webhook_inbox", "kpi_facts", "qrtz_triggers")
                .doesNotContain("flyway_schema_history");
    }

    @Test
    void theAllowListNamesOnlyTablesThatExist() {
        // A stale entry would let a future table of that name through unexamined.
        assertThat(writableTables()).containsAll(ALLOWED_WITHOUT_ROW_LEVEL_SECURITY.keySet());
    }

    @Test
    void noTableCanBeTruncatedOrTriggeredAndNoSequenceReset() {
        // TRUNCATE ignores row-level security; TRIGGER would run the role's code on others' writes.
        var dangerous = transactions.withoutOrganization(tx -> tx.fetch(
                        "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                                + "where n.nspname = 'public' and c.relkind in ('r', 'p') "
                                + "and (has_table_privilege({0}, c.oid, 'TRUNCATE') or has_table_privilege({0}, c.oid, 'TRIGGER') "
                                + "or has_table_privilege({0}, c.oid, 'REFERENCES'))",
                        org.jooq.impl.DSL.val(ROLE))
                .getValues(0, String.class));
        assertThat(dangerous).isEmpty();
        var resettable = transactions.withoutOrganization(tx -> tx.fetch(
                        "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                                + "where n.nspname = 'public' and c.relkind = 'S' "
                                // CASE: the planner may otherwise ask about a relation that is no sequence.
                                + "and case when c.relkind = 'S' then has_sequence_privilege({0}, c.oid, 'UPDATE') else false end",
                        org.jooq.impl.DSL.val(ROLE))
                .getValues(0, String.class));
        assertThat(resettable).as("sequences the runtime role can setval").isEmpty();
    }

    @Test
    void theRoleCanCreateNothingAndInheritsNothing() {
        var record = transactions.withoutOrganization(tx -> tx.fetchSingle(
                "select has_schema_privilege({0}, 'public', 'CREATE') as can_create, "
                        + "has_database_privilege({0}, current_database(), 'CREATE') as can_create_schema, "
                        + "exists (select 1 from pg_class where relowner = (select oid from pg_roles where rolname = {0})) as owns, "
                        + "(select count(*) from pg_roles r where r.rolname <> {0} and pg_has_role({0}, r.oid, 'MEMBER')) as memberships, "
                        + "(select rolbypassrls or rolsuper from pg_roles where rolname = {0}) as bypasses",
                org.jooq.impl.DSL.val(ROLE)));
        assertThat(record.get("can_create", Boolean.class))
                .as("CREATE on schema public")
                .isFalse();
        assertThat(record.get("can_create_schema", Boolean.class))
                .as("CREATE on the database")
                .isFalse();
        // Row-level security is not FORCEd on the tenant tables: it binds every role but the owner,
        // so it binds this role only while this role owns nothing.
        assertThat(record.get("owns", Boolean.class)).as("owns a relation").isFalse();
        assertThat(record.get("memberships", Long.class))
                .as("roles the runtime role can SET ROLE to")
                .isZero();
        assertThat(record.get("bypasses", Boolean.class)).isFalse();
    }

    @Test
    void onlyTheListedOwnerRunFunctionsAreCallable() {
        var callable = transactions.withoutOrganization(tx -> tx.fetch(
                        "select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace "
                                + "where n.nspname = 'public' and p.prosecdef and has_function_privilege({0}, p.oid, 'EXECUTE')",
                        org.jooq.impl.DSL.val(ROLE))
                .getValues(0, String.class));
        assertThat(callable)
                .as("security-definer functions the runtime role can execute")
                .isSubsetOf(ALLOWED_SECURITY_DEFINER_FUNCTIONS.keySet())
                .contains("scoreline_integration_directory");
    }

    @Test
    void theFingerprintTableIsWrittenOnlyThroughItsFunction() {
        assertThat(writableTables()).doesNotContain("master_key_fingerprint");
    }

    /** Tables and partitions of the public schema the runtime role can INSERT, UPDATE or DELETE (any column). */
    private static List<String> writableTables() {
        var name = transactions.withoutOrganization(
                tx -> tx.fetchSingle("select current_user").get(0, String.class));
        assertThat(name).isEqualTo(ROLE);
        return transactions.withoutOrganization(tx -> tx.fetch(
                        "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                                + "where n.nspname = 'public' and c.relkind in ('r', 'p') "
                                + "and (has_any_column_privilege({0}, c.oid, 'INSERT') or has_any_column_privilege({0}, c.oid, 'UPDATE') "
                                + "or has_table_privilege({0}, c.oid, 'DELETE')) order by 1",
                        org.jooq.impl.DSL.val(ROLE))
                .getValues(0, String.class));
    }

    /**
     * Tables with row-level security on and at least one policy, every policy keyed on the tenant
     * of the transaction. A partition is its own table to PostgreSQL: its parent's policies do
     * not guard direct access, so it must carry its own.
     */
    private static List<String> rowLevelSecuredTables() {
        return transactions.withoutOrganization(
                tx -> tx.fetch("select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                                + "where n.nspname = 'public' and c.relrowsecurity "
                                + "and exists (select 1 from pg_policy p where p.polrelid = c.oid) "
                                + "and not exists (select 1 from pg_policy p where p.polrelid = c.oid "
                                + "  and coalesce(pg_get_expr(p.polqual, p.polrelid), '') || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '') "
                                + "      !~ 'scoreline_current_org\\(\\)')")
                        .getValues(0, String.class));
    }

    private static Map<String, String> quartzTables(String reason) {
        return Stream.of(
                        "blob_triggers",
                        "calendars",
                        "cron_triggers",
                        "fired_triggers",
                        "job_details",
                        "locks",
                        "paused_trigger_grps",
                        "scheduler_state",
                        "simple_triggers",
                        "simprop_triggers",
                        "triggers")
                .collect(Collectors.toMap(t -> "qrtz_" + t, t -> reason, (a, b) -> a, TreeMap::new));
    }
}
