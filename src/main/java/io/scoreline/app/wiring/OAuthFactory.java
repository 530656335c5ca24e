package io.scoreline.app.wiring;

import io.micronaut.context.annotation.Factory;
import io.scoreline.app.config.MasterKeySource;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.connectors.hubspot.HubSpotOAuth;
import io.scoreline.connectors.salesforce.SalesforceOAuth;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.integrations.oauth.OAuthConnections;
import io.scoreline.pipeline.integrations.oauth.OAuthFlows;
import io.scoreline.pipeline.integrations.oauth.OAuthStateStore;
import io.scoreline.pipeline.integrations.onboarding.IntegrationOnboarding;
import io.scoreline.pipeline.secrets.CredentialCipher;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/** Wires connecting a CRM through OAuth (ADR 0051): the connectors' flows, the configured apps, the states. */
@Factory
public class OAuthFactory {

    @Singleton
    OAuthConnections oauthConnections(
            OrganizationStore organizations,
            IntegrationStore integrations,
            IntegrationOnboarding onboarding,
            TenantTransactions transactions,
            ScorelineConfig config,
            Clock clock) {
        // Lazily, as for the integration store: the master key is read by the first attempt, not at start.
        Supplier<CredentialCipher> cipher = new Supplier<>() {
            private CredentialCipher value;

            @Override
            public synchronized CredentialCipher get() {
                if (value == null) {
                    value = new CredentialCipher(MasterKeySource.load(config));
                }
                return value;
            }
        };
        return new OAuthConnections(
                organizations,
                integrations,
                onboarding,
                new OAuthStateStore(transactions),
                OAuthFlows.of(List.of(new SalesforceOAuth(), new HubSpotOAuth())),
                config.oauth().apps(),
                cipher,
                clock);
    }
}
