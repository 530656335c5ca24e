package io.scoreline.pipeline.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.connectors.spi.CrmProvider;
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
 * drops them), and a resumed one is seen as active at once (no event of it is dropped).
 */
class WebhookRoutesTest {

    private static DatabaseRuntime database;
    private static TenantTransactions transactions;
    private static IntegrationStore integrations;
    private static long organizationId;
    private static long integrationId;

    @BeforeAll
    static void open() {
        database = TestPostgres.freshRuntime();
        transactions = new TenantTransactions(database.dsl());
        organizationId = new OrganizationStore(transactions).create(NewOrganization.of("routes", "Routes", "Europe/Berlin", "monday")).id();
        var cipher = new CredentialCipher(new MasterKey(TestEnvironment.MASTER_KEY));
        integrations = new IntegrationStore(transactions, () -> cipher);
        integrationId = integrations.add(NewIntegration.of(organizationId, CrmProvider.HUBSPOT,
                new CrmCredentials.RefreshToken("client", "secret", "refresh"), Optional.empty(), Optional.empty(), Optional.of("4242"))).id();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void anActiveRouteIsRememberedBrieflyAndAPausedOneNever() {
        var clock = new TestClock(Instant.parse("2026-12-04T12:00:00Z"));
        var routes = new WebhookRoutes(transactions, clock);
        assertThat(routes.byAccount(CrmProvider.HUBSPOT, "4242")).get().extracting(WebhookRoute::status).isEqualTo(IntegrationStatus.ACTIVE);

        integrations.setStatus(organizationId, integrationId, IntegrationStatus.PAUSED);
        clock.advance(WebhookRoutes.REMEMBER_ACTIVE.minusMillis(1));
        assertThat(routes.byAccount(CrmProvider.HUBSPOT, "4242")).get().extracting(WebhookRoute::status)
                .as("still remembered as active").isEqualTo(IntegrationStatus.ACTIVE);
        clock.advance(Duration.ofMillis(1));
        assertThat(routes.byAccount(CrmProvider.HUBSPOT, "4242")).get().extracting(WebhookRoute::status).isEqualTo(IntegrationStatus.PAUSED);

        integrations.setStatus(organizationId, integrationId, IntegrationStatus.ACTIVE);
        assertThat(routes.byAccount(CrmProvider.HUBSPOT, "4242")).get().extracting(WebhookRoute::status)
                .as("a paused route is not remembered").isEqualTo(IntegrationStatus.ACTIVE);
        assertThat(routes.byAccount(CrmProvider.HUBSPOT, "9999")).isEmpty();
    }
}
