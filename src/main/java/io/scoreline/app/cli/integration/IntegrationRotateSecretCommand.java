package io.scoreline.app.cli.integration;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.pipeline.integrations.onboarding.IntegrationOnboarding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scoreline integration rotate-secret}: a new secret for a Salesforce integration's
 * outbound-message endpoint, shown once; the old one is refused from this commit on. Also how an
 * integration added before endpoint secrets (V14) gets its first one.
 */
@Command(
        name = "rotate-secret",
        description = {
            "Give a Salesforce integration a new outbound-message endpoint secret and show it once.",
            "The old endpoint URL stops working at once: update the outbound message in Salesforce right after."
        },
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline integration rotate-secret --integration 3",
            "  scoreline integration rotate-secret --integration 3 --json"
        })
final class IntegrationRotateSecretCommand extends ContextCommand {

    @Option(names = "--integration", required = true, paramLabel = "ID", description = "Integration id")
    long integrationId;

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var rotated = context.getBean(IntegrationOnboarding.class).rotateEndpointSecret(integrationId);
        var integration = rotated.integration();
        if (output.json()) {
            output.jsonLine(new RotatedJson(
                    integrationId, rotated.secret().text(), EndpointSecretOutput.path(integration, rotated.secret())));
        } else {
            output.line(
                    "New endpoint secret for integration " + integrationId + "; the old one is refused from now on.");
            EndpointSecretOutput.print(output, integration, rotated.secret());
        }
        return 0;
    }

    record RotatedJson(
            long integration,
            @JsonProperty("endpoint_secret") String endpointSecret,
            @JsonProperty("endpoint_path") String endpointPath) {}
}
