package io.scoreline.app.cli.integration;

import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ChoiceOption;
import io.micronaut.context.ApplicationContext;
import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.connectors.spi.CrmProvider;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.integrations.NewIntegration;
import io.scoreline.pipeline.scheduling.IntegrationScheduler;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code scoreline integration add}: connects a CRM account; credentials are encrypted before storage. */
@Command(name = "add",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline integration add --org acme --provider salesforce --credentials-file salesforce.properties",
                "  scoreline integration add --org acme --provider hubspot --portal-id 4242 --credentials-file hubspot.properties"},
        description = "Connect a Salesforce org or HubSpot portal to an organization.")
final class IntegrationAddCommand extends ContextCommand {

    @Option(names = "--org", required = true, paramLabel = "SLUG", description = "Organization slug")
    String org;

    @Option(names = "--provider", required = true, description = "salesforce or hubspot")
    String provider;

    @Option(names = "--login-url", paramLabel = "URL", description = "Salesforce login URL (default: https://login.salesforce.com)")
    String loginUrl;

    @Option(names = "--base-url", paramLabel = "URL", description = "HubSpot API base URL (default: https://api.hubapi.com)")
    String baseUrl;

    @Option(names = "--portal-id", description = "HubSpot portal (hub) id; routes webhooks to this integration")
    String portalId;

    @Option(names = "--salesforce-org-id", paramLabel = "ID",
            description = "Salesforce org id (15 or 18 characters); outbound messages from any other org are refused")
    String salesforceOrgId;

    @Option(names = "--allow-shared-account",
            description = "Let this integration share its HubSpot portal or Salesforce org with other active integrations")
    boolean allowSharedAccount;

    @Mixin
    CredentialsInput credentialsInput;

    private CrmProvider crmProvider;
    private CrmCredentials credentials;

    @Override
    protected void validate() {
        crmProvider = ChoiceOption.crmProvider(provider);
        credentials = credentialsInput.resolve(crmProvider);
        // Settings are checked now too (with a placeholder organization) so that nothing starts for bad input.
        request(0);
    }

    private NewIntegration request(long organizationId) {
        return NewIntegration.of(organizationId, crmProvider, credentials, Optional.ofNullable(loginUrl),
                Optional.ofNullable(baseUrl), Optional.ofNullable(portalId))
                .withSalesforceOrgId(Optional.ofNullable(salesforceOrgId))
                .withSharedAccount(allowSharedAccount);
    }

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var organization = context.getBean(OrganizationStore.class).require(org);
        var connected = context.getBean(IntegrationStore.class).connect(request(organization.id()));
        var integration = connected.integration();
        // The new integration's hourly job goes into the shared schedule; serving nodes pick it up.
        context.getBean(IntegrationScheduler.class).reconcile(integration.id());
        if (output.json()) {
            var line = IntegrationJson.of(integration, organization.slug());
            connected.endpointSecret().ifPresent(secret -> EndpointSecretOutput.putJson(line, integration, secret));
            output.jsonLine(line);
        } else {
            output.line("Added " + integration.provider().key() + " integration " + integration.id() + " to "
                    + organization.slug() + " (its scheduled syncs start at minute :" + String.format("%02d", integration.scheduleMinute())
                    + " of the hour; `scoreline serve` runs them)");
            connected.endpointSecret().ifPresent(secret -> EndpointSecretOutput.print(output, integration, secret));
        }
        return 0;
    }
}
