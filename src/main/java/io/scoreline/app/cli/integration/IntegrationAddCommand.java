package io.scoreline.app.cli.integration;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.ChoiceOption;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.integrations.NewIntegration;
import io.scoreline.pipeline.integrations.onboarding.IntegrationOnboarding;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code scoreline integration add}: connects a CRM account; credentials are encrypted before storage. */
@Command(
        name = "add",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline integration add --org acme --provider salesforce --credentials-file salesforce.properties",
            "  scoreline integration add --org acme --provider hubspot --portal-id 4242 --credentials-file hubspot.properties"
        },
        description = "Connect a Salesforce org or HubSpot portal to an organization.")
final class IntegrationAddCommand extends ContextCommand {

    @Option(names = "--org", required = true, paramLabel = "SLUG", description = "Organization slug")
    String org;

    @Option(names = "--provider", required = true, description = "salesforce or hubspot")
    String provider;

    @Option(
            names = "--login-url",
            paramLabel = "URL",
            description = "Salesforce login URL (default: https://login.salesforce.com)")
    String loginUrl;

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            description = "HubSpot API base URL (default: https://api.hubapi.com)")
    String baseUrl;

    @Option(names = "--portal-id", description = "HubSpot portal (hub) id; routes webhooks to this integration")
    String portalId;

    @Option(
            names = "--salesforce-org-id",
            paramLabel = "ID",
            description = "Salesforce org id (15 or 18 characters); outbound messages from any other org are refused")
    String salesforceOrgId;

    @Option(
            names = "--allow-shared-account",
            description =
                    "Let this integration share its HubSpot portal or Salesforce org with other active integrations")
    boolean allowSharedAccount;

    @Mixin
    CredentialsInput credentialsInput;

    private NewIntegration request;

    @Override
    protected void validate() {
        CrmProvider crmProvider = ChoiceOption.provider(provider);
        CrmCredentials credentials = credentialsInput.resolve(crmProvider);
        // Checked now, before anything starts; the use case puts the request into the organization it resolves.
        request = NewIntegration.of(
                        0,
                        crmProvider,
                        credentials,
                        Optional.ofNullable(loginUrl),
                        Optional.ofNullable(baseUrl),
                        Optional.ofNullable(portalId))
                .withWebhookAccountId(Optional.ofNullable(salesforceOrgId))
                .withSharedAccount(allowSharedAccount);
    }

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var added = context.getBean(IntegrationOnboarding.class).add(org, request);
        var integration = added.integration();
        var slug = added.organization().slug();
        if (output.json()) {
            output.jsonLine(IntegrationJson.of(integration, slug, added.endpointSecret()));
        } else {
            output.line("Added " + integration.provider().key() + " integration " + integration.id() + " to "
                    + slug + " (its scheduled syncs start at minute :"
                    + String.format("%02d", integration.scheduleMinute())
                    + " of the hour; `scoreline serve` runs them)");
            added.endpointSecret().ifPresent(secret -> EndpointSecretOutput.print(output, integration, secret));
        }
        return 0;
    }
}
