package io.scoreline.app.background;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.retention.RetentionSettings;
import io.scoreline.pipeline.retention.RetentionSweeper;
import io.scoreline.testing.TestPostgres;
import io.scoreline.testing.TestTenant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The retention sweep as {@code serve} runs it: at start, on its own thread, stopped cleanly. */
class RetentionWorkIT {

    @Test
    void sweepsAtStartAndStops() {
        try (var database = TestPostgres.freshRuntime()) {
            var tenant = TestTenant.create(database, "retained", CrmProvider.SALESFORCE);
            var transactions = new TenantTransactions(database.dsl());
            var now = Instant.parse("2026-06-01T00:00:00Z");
            transactions.inOrganization(
                    tenant.organizationId(),
                    tx -> tx.execute(
                            """
                    insert into webhook_inbox (organization_id, integration_id, provider, dedupe_key, raw_body, status, processed_at)
                    values (?, ?, 'salesforce', 'old', '{}', 'done', '2026-05-01T00:00:00Z'::timestamptz),
                           (?, ?, 'salesforce', 'new', '{}', 'done', '2026-05-31T00:00:00Z'::timestamptz)""",
                            tenant.organizationId(),
                            tenant.integrationId(),
                            tenant.organizationId(),
                            tenant.integrationId()));
            var settings = RetentionSettings.defaults();
            var work = new RetentionWork(
                    new RetentionSweeper(transactions, settings, Clock.fixed(now, ZoneOffset.UTC)), settings);

            work.start();
            try {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> dedupeKeys(transactions, tenant.organizationId())
                                        .size()
                                == 1);
            } finally {
                work.stop();
            }

            assertThat(dedupeKeys(transactions, tenant.organizationId())).containsExactly("new");
            assertThat(work.status())
                    .isEqualTo(
                            "retention every PT1H: done inbox rows after 7d, processed KPI changes after 7d, finished runs after 90d");
        }
    }

    private static java.util.List<String> dedupeKeys(TenantTransactions transactions, long organizationId) {
        return transactions.inOrganization(
                organizationId,
                tx -> tx.resultQuery("select dedupe_key from webhook_inbox").fetch(0, String.class));
    }
}
