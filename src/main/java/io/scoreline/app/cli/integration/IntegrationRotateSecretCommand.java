package io.scoreline.app.cli.integration;

import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.CliOutput;
import io.micronaut.context.ApplicationContext;
import io.scoreline.pipeline.integrations.IntegrationStore;
import java.util.LinkedHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scoreline integration rotate-secret}: a new secret for a Salesforce integration's
 * outbound-message endpoint, shown once; the old one is refused from this commit on. Also how an
 * integration added before endpoint secrets (V14) gets its first one.
 */
@Command(name = "rotate-secret", description = {
        "Give a Salesforce integration a new outbound-message endpoint secret and show it once.",
        "The old endpoint URL stops working at once: update the outbound message in Salesforce right after."},
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline integration rotate-secret --integration 3",
                "  scoreline integration rotate-secret --integration 3 --json"})
final class IntegrationRotateSecretCommand extends ContextCommand {

    @Option(names = "--integration", required = true, paramLabel = "ID", description = "Integration id")
    long integrationId;

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var store = context.getBean(IntegrationStore.class);
        var integration = store.require(integrationId);
        var secret = store.rotateEndpointSecret(integration.organizationId(), integrationId);
        if (output.json()) {
            var line = new LinkedHashMap<String, Object>();
            line.put("integration", integrationId);
            EndpointSecretOutput.putJson(line, integration, secret);
            output.jsonLine(line);
        } else {
            output.line("New endpoint secret for integration " + integrationId + "; the old one is refused from now on.");
            EndpointSecretOutput.print(output, integration, secret);
        }
        return 0;
    }
}
