package io.scoreline.pipeline.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.connectors.spi.CrmRecord;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.facts.ChangeOrigin;
import io.scoreline.pipeline.facts.DerivedFact;
import io.scoreline.pipeline.facts.FactDeriver;
import io.scoreline.pipeline.facts.PageWriter;
import io.scoreline.pipeline.inbox.InboxEvent;
import io.scoreline.pipeline.inbox.InboxStore;
import io.scoreline.testing.TestPostgres;
import io.scoreline.testing.TestTenant;
import java.math.BigDecimal;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deleting an organization leaves none of its rows behind, also in the page write path's tables,
 * which have no foreign key to organizations since V7 (ADR 0009), and in the webhook inbox (V9, ADR
 * 0013), and leaves other tenants alone.
 */
class OrganizationDeletionIT {

    private static final List<String> TABLES = List.of(
            "crm_records",
            "kpi_facts",
            "kpi_values",
            "kpi_changes",
            "profiles",
            "integrations",
            "crm_identities",
            "webhook_inbox");

    private static DatabaseRuntime database;

    @BeforeAll
    static void open() {
        database = TestPostgres.freshRuntime();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void deletingAnOrganizationLeavesNoRowsAndKeepsOtherTenants() throws SQLException {
        var doomed = tenantWithOnePage("doomed");
        var kept = tenantWithOnePage("kept");
        var before = rowsPerTable(kept.organizationId());
        assertThat(rowsPerTable(doomed.organizationId()))
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());

        new OrganizationStore(doomed.transactions()).delete(doomed.organizationId());

        assertThat(rowsPerTable(doomed.organizationId()))
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        assertThat(rowsPerTable(kept.organizationId())).isEqualTo(before);
        assertThat(new OrganizationStore(kept.transactions()).findBySlug("doomed"))
                .isEmpty();
    }

    private static TestTenant tenantWithOnePage(String slug) {
        var tenant = TestTenant.create(database, slug, CrmProvider.SALESFORCE);
        tenant.transactions().inOrganization(tenant.organizationId(), tx -> {
            long profile = tx.fetchSingle(
                            "insert into profiles (organization_id, email) values (?, ?) returning id",
                            tenant.organizationId(),
                            "rep@" + slug + ".test")
                    .get(0, Long.class);
            return tx.execute(
                    "insert into crm_identities (organization_id, integration_id, crm_user_id, email, profile_id) "
                            + "values (?, ?, '005A', ?, ?)",
                    tenant.organizationId(),
                    tenant.integrationId(),
                    "rep@" + slug + ".test",
                    profile);
        });
        FactDeriver oneCall = record -> List.of(new DerivedFact(
                "calls_made", "005A", LocalDate.parse("2026-11-20"), record.modstamp(), BigDecimal.ONE));
        var records = List.of(
                new CrmRecord("Task", "00T1", Instant.parse("2026-11-20T09:00:00Z"), false, Map.of("OwnerId", "005A")),
                new CrmRecord("Task", "00T2", Instant.parse("2026-11-20T10:00:00Z"), false, Map.of("OwnerId", "005A")));
        new PageWriter(tenant.transactions())
                .write(
                        tenant.organizationId(),
                        tenant.integrationId(),
                        "Task",
                        records,
                        oneCall,
                        ChangeOrigin.live(),
                        (tx, result) -> {});
        var now = Instant.parse("2026-11-20T11:00:00Z");
        new InboxStore(tenant.transactions())
                .insert(
                        tenant.organizationId(),
                        tenant.integrationId(),
                        List.of(new InboxEvent(
                                CrmProvider.SALESFORCE,
                                "evt-" + slug,
                                Optional.of("Task"),
                                "00T1",
                                "updated",
                                Optional.of(now),
                                "{}")),
                        now,
                        now);
        return tenant;
    }

    /** Counted as the owner, which row-level security does not filter: what is really left. */
    private static Map<String, Long> rowsPerTable(long organizationId) throws SQLException {
        var owner = database.ownerEndpoint();
        var rows = new LinkedHashMap<String, Long>();
        try (var connection = DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password())) {
            for (var table : TABLES) {
                try (var statement =
                        connection.prepareStatement("select count(*) from " + table + " where organization_id = ?")) {
                    statement.setLong(1, organizationId);
                    try (var result = statement.executeQuery()) {
                        result.next();
                        rows.put(table, result.getLong(1));
                    }
                }
            }
        }
        return rows;
    }
}
