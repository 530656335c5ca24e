package io.scoreline.testing;

import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.integrations.NewIntegration;
import io.scoreline.pipeline.secrets.CredentialCipher;
import io.scoreline.pipeline.secrets.MasterKey;
import io.scoreline.pipeline.tenancy.NewOrganization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import java.util.Optional;

/** An organization with one integration, created through the product's own stores. */
public record TestTenant(TenantTransactions transactions, long organizationId, long integrationId) {

    public static TestTenant create(DatabaseRuntime database, String slug, CrmProvider provider) {
        var transactions = new TenantTransactions(database.dsl());
        var organization =
                new OrganizationStore(transactions).create(NewOrganization.of(slug, slug, "Europe/Berlin", "monday"));
        var cipher = new CredentialCipher(new MasterKey(TestEnvironment.MASTER_KEY));
        var credentials = provider == CrmProvider.HUBSPOT
                ? new CrmCredentials.PrivateAppToken("pat-test")
                : new CrmCredentials.RefreshToken("client", "secret", "refresh");
        var integration = new IntegrationStore(transactions, () -> cipher)
                .add(NewIntegration.of(
                        organization.id(),
                        provider,
                        credentials,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
        return new TestTenant(transactions, organization.id(), integration.id());
    }
}
