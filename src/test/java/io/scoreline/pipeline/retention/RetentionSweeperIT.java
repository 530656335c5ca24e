package io.scoreline.pipeline.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.integrations.NewIntegration;
import io.scoreline.pipeline.secrets.CredentialCipher;
import io.scoreline.pipeline.secrets.MasterKey;
import io.scoreline.testing.TestEnvironment;
import io.scoreline.testing.TestPostgres;
import io.scoreline.testing.TestTenant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retention against the real database, as the runtime role under row-level security, with a fixed
 * clock: old finished rows go in batches, recent and unfinished ones stay, and the runs that still
 * matter (the latest of each integration, a resumable backfill) stay whatever their age.
 */
class RetentionSweeperIT {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final RetentionSettings SETTINGS =
            new RetentionSettings(Duration.ofDays(7), Duration.ofDays(7), Duration.ofDays(90), 10, Duration.ofHours(1));

    private final AtomicLong dedupe = new AtomicLong();
    private DatabaseRuntime database;
    private TenantTransactions transactions;
    private TestTenant acme;
    private TestTenant globex;
    private long acmeSecondIntegration;

    @BeforeEach
    void start() {
        database = TestPostgres.freshRuntime();
        transactions = new TenantTransactions(database.dsl());
        acme = TestTenant.create(database, "acme", CrmProvider.SALESFORCE);
        globex = TestTenant.create(database, "globex", CrmProvider.SALESFORCE);
        var cipher = new CredentialCipher(new MasterKey(TestEnvironment.MASTER_KEY));
        acmeSecondIntegration = new IntegrationStore(transactions, () -> cipher)
                .add(NewIntegration.of(
                        acme.organizationId(),
                        CrmProvider.SALESFORCE,
                        new CrmCredentials.RefreshToken("client", "secret", "refresh"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()))
                .id();
    }

    @AfterEach
    void stop() {
        database.close();
    }

    @Test
    void oldDoneInboxRowsGoInBatchesAndPendingProcessingFailedAndRecentOnesStay() {
        var old = NOW.minus(Duration.ofDays(8));
        for (int i = 0; i < 25; i++) {
            inbox(acme, "done", old, Optional.of(old));
        }
        var recentDone = inbox(acme, "done", NOW.minus(Duration.ofDays(1)), Optional.of(NOW.minus(Duration.ofDays(1))));
        var pending = inbox(acme, "pending", NOW.minus(Duration.ofDays(30)), Optional.empty());
        var processing = inbox(acme, "processing", NOW.minus(Duration.ofDays(30)), Optional.empty());
        var failed = inbox(acme, "failed", NOW.minus(Duration.ofDays(30)), Optional.of(NOW.minus(Duration.ofDays(30))));
        for (int i = 0; i < 5; i++) {
            inbox(globex, "done", old, Optional.of(old));
        }
        var globexRecent =
                inbox(globex, "done", NOW.minus(Duration.ofDays(6)), Optional.of(NOW.minus(Duration.ofDays(6))));

        var result = sweeper().sweep();

        assertThat(result.inboxRows()).isEqualTo(30);
        assertThat(ids(acme, "webhook_inbox")).containsExactlyInAnyOrder(recentDone, pending, processing, failed);
        assertThat(ids(globex, "webhook_inbox")).containsExactly(globexRecent);
        // acme: inbox 10 + 10 + 5, KPI changes 0, runs 0; globex: one short batch of each kind.
        assertThat(result.transactions()).isEqualTo(3 + 1 + 1 + 3);
        assertThat(sweeper().sweep().rows()).isZero();
    }

    @Test
    void processedKpiChangesOlderThanTheirAgeGoAndUnprocessedOnesStay() {
        long profile = profile(acme);
        var old = NOW.minus(Duration.ofDays(8));
        for (int i = 0; i < 25; i++) {
            change(acme, profile, old, Optional.of(old));
        }
        var recent = change(acme, profile, NOW.minus(Duration.ofDays(2)), Optional.of(NOW.minus(Duration.ofDays(2))));
        var unprocessed = change(acme, profile, NOW.minus(Duration.ofDays(30)), Optional.empty());

        var result = sweeper().sweep();

        assertThat(result.kpiChanges()).isEqualTo(25);
        assertThat(ids(acme, "kpi_changes")).containsExactlyInAnyOrder(recent, unprocessed);
    }

    @Test
    void oldFinishedRunsGoExceptTheLatestOfEachIntegrationAndResumableBackfills() {
        var old = NOW.minus(Duration.ofDays(100));
        for (int i = 0; i < 12; i++) {
            run(acme.integrationId(), "schedule", "succeeded", old.plusSeconds(i), Optional.of(old.plusSeconds(i + 1)));
        }
        long doneBackfill = run(acme.integrationId(), "backfill", "succeeded", old, Optional.of(old.plusSeconds(60)));
        cursor(acme.integrationId(), "run:" + doneBackfill);
        long failedBackfill = run(acme.integrationId(), "backfill", "failed", old, Optional.of(old.plusSeconds(60)));
        cursor(acme.integrationId(), "run:" + failedBackfill);
        run(acme.integrationId(), "backfill", "partial", old, Optional.of(old.plusSeconds(60)));
        long interrupted = run(acme.integrationId(), "backfill", "running", old, Optional.empty());
        long recent = run(
                acme.integrationId(),
                "schedule",
                "failed",
                NOW.minus(Duration.ofDays(1)),
                Optional.of(NOW.minus(Duration.ofDays(1))));
        cursor(acme.integrationId(), "live");
        long onlyRunOfTheOther = run(
                acmeSecondIntegration,
                "schedule",
                "succeeded",
                NOW.minus(Duration.ofDays(200)),
                Optional.of(NOW.minus(Duration.ofDays(200))));

        var result = sweeper().sweep();

        assertThat(result.runs()).isEqualTo(14);
        assertThat(ids(acme, "sync_runs"))
                .containsExactlyInAnyOrder(failedBackfill, interrupted, recent, onlyRunOfTheOther);
        assertThat(scopes(acme)).containsExactlyInAnyOrder("live", "run:" + failedBackfill);
        assertThat(sweeper().sweep().rows()).isZero();
    }

    private RetentionSweeper sweeper() {
        return new RetentionSweeper(transactions, SETTINGS, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private long inbox(TestTenant tenant, String status, Instant received, Optional<Instant> processed) {
        return transactions.inOrganization(
                tenant.organizationId(),
                tx -> tx.resultQuery(
                                """
                insert into webhook_inbox (organization_id, integration_id, provider, dedupe_key, raw_body, status,
                                           received_at, next_attempt_at, processed_at)
                values (?, ?, 'salesforce', ?, '{}', ?, ?::timestamptz, ?::timestamptz, ?::timestamptz) returning id""",
                                tenant.organizationId(),
                                tenant.integrationId(),
                                "k" + dedupe.incrementAndGet(),
                                status,
                                utc(received),
                                utc(received),
                                processed.map(RetentionSweeperIT::utc).orElse(null))
                        .fetchSingle(0, Long.class));
    }

    private long profile(TestTenant tenant) {
        return transactions.inOrganization(
                tenant.organizationId(),
                tx -> tx.resultQuery(
                                "insert into profiles (organization_id, email) values (?, 'rep@example.com') returning id",
                                tenant.organizationId())
                        .fetchSingle(0, Long.class));
    }

    private long change(TestTenant tenant, long profile, Instant created, Optional<Instant> processed) {
        return transactions.inOrganization(
                tenant.organizationId(),
                tx -> tx.resultQuery(
                                """
                insert into kpi_changes (organization_id, profile_id, kpi_key, period_date, created_at, processed_at)
                values (?, ?, 'calls_made', date '2026-01-05', ?::timestamptz, ?::timestamptz) returning id""",
                                tenant.organizationId(),
                                profile,
                                utc(created),
                                processed.map(RetentionSweeperIT::utc).orElse(null))
                        .fetchSingle(0, Long.class));
    }

    private long run(long integrationId, String trigger, String status, Instant started, Optional<Instant> finished) {
        return transactions.inOrganization(
                acme.organizationId(),
                tx -> tx.resultQuery(
                                """
                insert into sync_runs (organization_id, integration_id, trigger, status, started_at, finished_at)
                values (?, ?, ?, ?, ?::timestamptz, ?::timestamptz) returning id""",
                                acme.organizationId(),
                                integrationId,
                                trigger,
                                status,
                                utc(started),
                                finished.map(RetentionSweeperIT::utc).orElse(null))
                        .fetchSingle(0, Long.class));
    }

    private void cursor(long integrationId, String scope) {
        transactions.inOrganization(
                acme.organizationId(), tx -> tx.execute("""
                insert into sync_checkpoints (organization_id, integration_id, object_type, scope, position)
                values (?, ?, 'Task', ?, '{"modstamp":"2026-01-01T00:00:00Z","record_id":"00T"}'::jsonb)""", acme.organizationId(), integrationId, scope));
    }

    private List<Long> ids(TestTenant tenant, String table) {
        return transactions.inOrganization(
                tenant.organizationId(),
                tx -> tx.resultQuery("select id from " + table).fetch(0, Long.class));
    }

    private List<String> scopes(TestTenant tenant) {
        return transactions.inOrganization(
                tenant.organizationId(),
                tx -> tx.resultQuery("select scope from sync_checkpoints").fetch(0, String.class));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
