package io.scoreline.pipeline.sync;

import static io.scoreline.pipeline.db.Tables.INTEGRATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.connectors.hubspot.HubSpotConnectorFactory;
import io.scoreline.connectors.hubspot.HubSpotOptions;
import io.scoreline.connectors.spi.ConnectionCheck;
import io.scoreline.connectors.spi.ConnectorSettings;
import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.failure.FailureKind;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.runs.SyncStatus;
import io.scoreline.pipeline.runs.SyncTrigger;
import io.scoreline.sim.HubSpotConnection;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.fault.FaultSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Faults of a real HubSpot portal, played by the simulator (429 bursts with Retry-After, 5xx,
 * lapsed OAuth tokens) and by a rotating-refresh-token proxy in front of it.
 */
class HubSpotResilienceIT {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    private static SimulatorOptions small() {
        return SimulatorOptions.defaults().withSeed(5).withVolume(3, 6).withLastDay(LocalDate.of(2026, 3, 1));
    }

    private static Clock clock() {
        return HubSpotSyncFixture.tickingFrom(NOW);
    }

    @Test
    void burstsOf429AndServerErrorsAreWaitedOutAndTheSyncEqualsAFaultFreeOne() {
        long expectedFacts;
        long cleanCalls;
        try (var clean = new HubSpotSyncFixture(small(), clock(), SyncSettings.defaults())) {
            var outcome = clean.sync.sync(clean.integrationId, SyncTrigger.MANUAL);
            expectedFacts = outcome.factsChanged();
            cleanCalls = outcome.apiCalls();
        }
        try (var faulty = new HubSpotSyncFixture(
                small().withFaults(FaultSpec.parse("429:0.15,500:0.15")), clock(), SyncSettings.defaults())) {
            var outcome = faulty.sync.sync(faulty.integrationId, SyncTrigger.MANUAL);
            assertThat(outcome.status()).as(outcome.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
            assertThat(outcome.factsChanged()).isEqualTo(expectedFacts).isPositive();
            assertThat(outcome.apiCalls())
                    .as("refused calls are counted and repeated")
                    .isGreaterThan(cleanCalls);
        }
    }

    @Test
    void aPortalThatStaysRateLimitedEndsTheRunPartial() {
        var patient =
                new HubSpotOptions(4, Duration.ofMillis(5), 1, Duration.ofSeconds(5), 190, 5, Duration.ofMinutes(5));
        try (var fixture = new HubSpotSyncFixture(
                small().withFaults(FaultSpec.parse("429:1.0")),
                clock(),
                SyncSettings.defaults(),
                hs -> new CrmCredentials.PrivateAppToken(hs.privateAppToken()),
                HubSpotConnection::baseUrl,
                patient,
                false)) {
            var outcome = fixture.sync.sync(fixture.integrationId, SyncTrigger.MANUAL);
            assertThat(outcome.status()).isEqualTo(SyncStatus.PARTIAL);
            assertThat(outcome.message()).hasValueSatisfying(m -> assertThat(m).contains("rate limited"));
            assertThat(fixture.runs
                            .find(fixture.organization.id(), outcome.runId())
                            .orElseThrow()
                            .errorKind())
                    .contains("quota");
        }
    }

    @Test
    void tokensThatLapseMidRunAreRefreshedAndTheCallRepeated() {
        try (var fixture = new HubSpotSyncFixture(
                small(), clock(), new SyncSettings(Duration.ofMinutes(10), Duration.ofDays(90), 200, 0.5))) {
            // Every committed page ends every access token the portal issued: the next call gets a 401.
            var expiring = new ProgressListener() {
                int pages;

                @Override
                public void started(String objectType, long expectedRecords) {}

                @Override
                public void advanced(long records) {
                    pages++;
                    fixture.sims.hubSpotSimulator().expireAllTokens();
                }

                @Override
                public void finished() {}
            };
            var outcome = fixture.backfill.run(
                    fixture.integrationId, LocalDate.of(2026, 2, 20), LocalDate.of(2026, 3, 1), false, expiring);
            assertThat(outcome.status()).as(outcome.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
            assertThat(expiring.pages).isGreaterThan(2);
            assertThat(outcome.recordsRead()).isPositive();
        }
        // Tokens that live one second are refreshed ahead of expiry, call after call.
        try (var fixture = new HubSpotSyncFixture(
                small().withFaults(FaultSpec.parse("expire-token:1s")), clock(), SyncSettings.defaults())) {
            var outcome = fixture.sync.sync(fixture.integrationId, SyncTrigger.MANUAL);
            assertThat(outcome.status()).as(outcome.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
            assertThat(outcome.recordsRead()).isPositive();
        }
    }

    @Test
    void rotatedRefreshTokensAreStoredEncryptedAndTheNextConnectionUsesThem() {
        var proxy = new AtomicReference<RotatingTokenProxy>();
        try (var fixture = new HubSpotSyncFixture(
                        small(),
                        clock(),
                        SyncSettings.defaults(),
                        hs -> new CrmCredentials.RefreshToken(hs.clientId(), hs.clientSecret(), hs.refreshToken()),
                        hs -> {
                            proxy.set(new RotatingTokenProxy(hs.baseUrl(), hs.refreshToken()));
                            return proxy.get().baseUri();
                        },
                        HubSpotSyncFixture.fastOptions(),
                        true);
                var rotating = proxy.get()) {
            var original = fixture.sims.hubSpot().refreshToken();
            assertThat(rotating.refreshes()).isEqualTo(1);
            var stored = (CrmCredentials.RefreshToken)
                    fixture.integrations.credentials(fixture.organization.id(), fixture.integrationId);
            assertThat(stored.refreshToken())
                    .isEqualTo(rotating.currentRefreshToken())
                    .isNotEqualTo(original);
            var column = fixture.transactions.inOrganization(
                    fixture.organization.id(),
                    tx -> tx.select(INTEGRATIONS.CREDENTIALS)
                            .from(INTEGRATIONS)
                            .where(INTEGRATIONS.ID.eq(fixture.integrationId))
                            .fetchSingle(INTEGRATIONS.CREDENTIALS));
            assertThat(column).doesNotContain(stored.refreshToken()).doesNotContain(stored.clientSecret());

            // Another process (no shared session) logs in with the stored token, which rotates again.
            var sync = fixture.sync.sync(fixture.integrationId, SyncTrigger.MANUAL);
            assertThat(sync.status()).as(sync.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
            try (var elsewhere = fixture.openConnectorElsewhere(
                    new HubSpotConnectorFactory(fixture.camel, HubSpotSyncFixture.fastOptions(), clock()))) {
                assertThat(elsewhere.users()).isNotEmpty();
            }
            assertThat(rotating.refreshes()).isEqualTo(2);
            var again = (CrmCredentials.RefreshToken)
                    fixture.integrations.credentials(fixture.organization.id(), fixture.integrationId);
            assertThat(again.refreshToken())
                    .isEqualTo(rotating.currentRefreshToken())
                    .isNotEqualTo(stored.refreshToken());

            // The token it replaced is refused: without storing the rotation the integration would need re-authorizing.
            var stale = new HubSpotConnectorFactory(fixture.camel, HubSpotSyncFixture.fastOptions(), clock())
                    .open(new ConnectorSettings(
                            fixture.integrationId,
                            CrmProvider.HUBSPOT,
                            fixture.integrations.require(fixture.integrationId).settings(),
                            stored));
            assertThat(stale.check())
                    .isInstanceOfSatisfying(
                            ConnectionCheck.ConnectionFailed.class,
                            failed -> assertThat(failed.kind()).isEqualTo(FailureKind.AUTH));
        }
    }

    @Test
    void aRotationThatCouldNotBeStoredIsStoredBeforeTheNextCall() {
        var proxy = new AtomicReference<RotatingTokenProxy>();
        try (var fixture = new HubSpotSyncFixture(
                        small(),
                        clock(),
                        SyncSettings.defaults(),
                        hs -> new CrmCredentials.RefreshToken(hs.clientId(), hs.clientSecret(), hs.refreshToken()),
                        hs -> {
                            proxy.set(new RotatingTokenProxy(hs.baseUrl(), hs.refreshToken()));
                            return proxy.get().baseUri();
                        },
                        HubSpotSyncFixture.fastOptions(),
                        false);
                var rotating = proxy.get()) {
            var saved = new ArrayList<CrmCredentials>();
            var attempts = new java.util.concurrent.atomic.AtomicInteger();
            io.scoreline.connectors.spi.CredentialsSink flaky = credentials -> {
                if (attempts.getAndIncrement() == 0) {
                    throw new io.scoreline.failure.ScorelineException(FailureKind.RETRYABLE, "database unreachable");
                }
                saved.add(credentials);
            };
            var integration = fixture.integrations.require(fixture.integrationId);
            try (var connector = new HubSpotConnectorFactory(fixture.camel, HubSpotSyncFixture.fastOptions(), clock())
                    .open(new ConnectorSettings(
                            fixture.integrationId,
                            CrmProvider.HUBSPOT,
                            integration.settings(),
                            fixture.integrations.credentials(fixture.organization.id(), fixture.integrationId),
                            flaky))) {
                org.assertj.core.api.Assertions.assertThatThrownBy(connector::users)
                        .hasMessageContaining("database unreachable");
                assertThat(connector.users()).isNotEmpty();
            }
            assertThat(rotating.refreshes())
                    .as("the rotated token is kept, not refreshed again")
                    .isEqualTo(1);
            assertThat(saved)
                    .singleElement()
                    .isInstanceOfSatisfying(
                            CrmCredentials.RefreshToken.class,
                            token -> assertThat(token.refreshToken()).isEqualTo(rotating.currentRefreshToken()));
        }
    }

    @Test
    void connectionsToOnePortalShareOneRefresh() throws Exception {
        var proxy = new AtomicReference<RotatingTokenProxy>();
        try (var fixture = new HubSpotSyncFixture(
                        small(),
                        clock(),
                        SyncSettings.defaults(),
                        hs -> new CrmCredentials.RefreshToken(hs.clientId(), hs.clientSecret(), hs.refreshToken()),
                        hs -> {
                            proxy.set(new RotatingTokenProxy(hs.baseUrl(), hs.refreshToken()));
                            return proxy.get().baseUri();
                        },
                        HubSpotSyncFixture.fastOptions(),
                        false);
                var rotating = proxy.get();
                var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var factory = new HubSpotConnectorFactory(fixture.camel, HubSpotSyncFixture.fastOptions(), clock());
            var start = new CountDownLatch(1);
            var results = new ArrayList<Future<Integer>>();
            for (int i = 0; i < 8; i++) {
                results.add(threads.submit(() -> {
                    try (var connector = fixture.openConnectorElsewhere(factory)) {
                        start.await();
                        return connector.users().size();
                    }
                }));
            }
            start.countDown();
            for (var result : results) {
                assertThat(result.get()).isPositive();
            }
            assertThat(rotating.refreshes())
                    .as("eight connections, one refresh")
                    .isEqualTo(1);
        }
    }
}
