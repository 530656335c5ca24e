package io.scoreline.pipeline.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.integrations.IntegrationStatus;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.integrations.NewIntegration;
import io.scoreline.pipeline.secrets.CredentialCipher;
import io.scoreline.pipeline.secrets.MasterKey;
import io.scoreline.pipeline.tenancy.NewOrganization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import io.scoreline.sim.TestClock;
import io.scoreline.testing.TestEnvironment;
import io.scoreline.testing.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Routes by account are remembered only while active: a paused integration is seen as active for
 * at most {@link WebhookRoutes#REMEMBER_ACTIVE} (its events reach the inbox, whose processor
 * drops them), and a resumed one is seen as active at once (no event of it is dropped). Unknown
 * accounts are remembered for {@link WebhookRoutes#REMEMBER_UNKNOWN}, on a fake clock.
 */
class WebhookRoutesIT {

    private static DatabaseRuntime database;
    private static TenantTransactions transactions;
    private static IntegrationStore integrations;
    private static long organizationId;
    private static long integrationId;

    @BeforeAll
    static void open() {
        database = TestPostgres.freshRuntime();
        transactions = new TenantTransactions(database.dsl());
        organizationId = new OrganizationStore(transactions)
                .create(NewOrganization.of("routes", "Routes", "Europe/Berlin", "monday"))
                .id();
        var cipher = new CredentialCipher(new MasterKey(TestEnvironment.MASTER_KEY));
        integrations = new IntegrationStore(transactions, () -> cipher);
        integrationId = integrations
                .add(NewIntegration.of(
                        organizationId,
                        CrmProvider.HUBSPOT,
                        new CrmCredentials.RefreshToken("client", "secret", "refresh"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("4242")))
                .id();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void anActiveRouteIsRememberedBrieflyAndAPausedOneNever() {
        var clock = new TestClock(Instant.parse("2026-12-04T12:00:00Z"));
        var routes = new WebhookRoutes(transactions, clock);
        assertThat(statuses(routes, "4242")).containsExactly(IntegrationStatus.ACTIVE);

        integrations.setStatus(organizationId, integrationId, IntegrationStatus.PAUSED);
        clock.advance(WebhookRoutes.REMEMBER_ACTIVE.minusMillis(1));
        assertThat(statuses(routes, "4242")).as("still remembered as active").containsExactly(IntegrationStatus.ACTIVE);
        clock.advance(Duration.ofMillis(1));
        assertThat(statuses(routes, "4242")).containsExactly(IntegrationStatus.PAUSED);

        integrations.setStatus(organizationId, integrationId, IntegrationStatus.ACTIVE);
        assertThat(statuses(routes, "4242"))
                .as("a paused route is not remembered")
                .containsExactly(IntegrationStatus.ACTIVE);
        assertThat(routes.byAccount(CrmProvider.HUBSPOT, "9999")).isEmpty();
    }

    @Test
    void anUnknownPortalIsLookedUpOncePerPeriodAndAnIntegrationAddedLaterIsRoutedAfterIt() {
        var clock = new TestClock(Instant.parse("2026-12-04T12:00:00Z"));
        var counted = new CountingTransactions(database);
        var routes = new WebhookRoutes(counted.transactions, clock);
        for (int i = 0; i < 50; i++) {
            assertThat(routes.byAccount(CrmProvider.HUBSPOT, "8080")).isEmpty();
        }
        assertThat(counted.lookUps.get())
                .as("one directory look-up for 50 events of an unknown portal")
                .isEqualTo(1);

        var added = integrations.add(NewIntegration.of(
                organizationId,
                CrmProvider.HUBSPOT,
                new CrmCredentials.RefreshToken("client", "secret", "refresh"),
                Optional.empty(),
                Optional.empty(),
                Optional.of("8080")));
        clock.advance(WebhookRoutes.REMEMBER_UNKNOWN.minusMillis(1));
        assertThat(routes.byAccount(CrmProvider.HUBSPOT, "8080"))
                .as("still remembered as unknown")
                .isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(routes.byAccount(CrmProvider.HUBSPOT, "8080"))
                .extracting(WebhookRoute::integrationId)
                .containsExactly(added.id());
        assertThat(counted.lookUps.get()).isEqualTo(2);
    }

    @Test
    void thePortalsOfOneBatchAreLookedUpTogether() {
        var clock = new TestClock(Instant.parse("2026-12-04T12:00:00Z"));
        var counted = new CountingTransactions(database);
        var routes = new WebhookRoutes(counted.transactions, clock);
        var portals = java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> Integer.toString(700_000 + i))
                .toList();
        var accounts = new java.util.ArrayList<>(portals);
        accounts.add("4242");
        var found = routes.byAccounts(CrmProvider.HUBSPOT, accounts);
        assertThat(counted.lookUps.get()).isEqualTo(1);
        assertThat(found.get("4242")).extracting(WebhookRoute::integrationId).containsExactly(integrationId);
        assertThat(portals).allSatisfy(p -> assertThat(found.get(p)).isEmpty());
    }

    private static java.util.List<IntegrationStatus> statuses(WebhookRoutes routes, String portal) {
        return routes.byAccount(CrmProvider.HUBSPOT, portal).stream()
                .map(WebhookRoute::status)
                .toList();
    }

    /** Transactions on the test database that count the statements reading the integration directory. */
    private static final class CountingTransactions {
        private final java.util.concurrent.atomic.AtomicInteger lookUps =
                new java.util.concurrent.atomic.AtomicInteger();
        private final TenantTransactions transactions;

        CountingTransactions(DatabaseRuntime database) {
            var counting = database.dsl().configuration().derive(org.jooq.ExecuteListener.onExecuteStart(context -> {
                if (context.sql() != null && context.sql().contains("scoreline_integration_directory")) {
                    lookUps.incrementAndGet();
                }
            }));
            transactions = new TenantTransactions(org.jooq.impl.DSL.using(counting));
        }
    }
}
