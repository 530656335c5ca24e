package io.scoreline.app.cli.integration;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.pipeline.integrations.onboarding.IntegrationOnboarding;
import io.scoreline.pipeline.integrations.onboarding.IntegrationView;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline integration list}. */
@Command(
        name = "list",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline integration list --org acme", "  scoreline integration list --org acme --json"},
        description = "List an organization's integrations (never their credentials).")
final class IntegrationListCommand extends ContextCommand {

    @Option(names = "--org", required = true, paramLabel = "SLUG", description = "Organization slug")
    String org;

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var overview = context.getBean(IntegrationOnboarding.class).overview(org);
        var slug = overview.organization().slug();
        var integrations = overview.integrations().stream()
                .map(IntegrationView::integration)
                .toList();
        if (output.json()) {
            overview.integrations().forEach(i -> output.jsonLine(IntegrationJson.of(i, slug)));
        } else if (integrations.isEmpty()) {
            output.line("No integrations for " + slug + ": add one with `scoreline integration add`");
        } else {
            output.table(
                    List.of("ID", "PROVIDER", "STATUS", "ACCOUNT", "SYNC MINUTE", "ENDPOINT", "WEBHOOKS"),
                    integrations.stream()
                            .map(i -> List.of(
                                    Long.toString(i.id()),
                                    i.provider().key(),
                                    i.status().key(),
                                    i.externalAccountId().orElse("-"),
                                    ":" + String.format("%02d", i.scheduleMinute()),
                                    io.scoreline.connectors.spi.CrmProfiles.of(i.provider())
                                            .settingsUrl(i.settings())
                                            .orElse("-"),
                                    EndpointSecretOutput.state(i)))
                            .toList());
        }
        return 0;
    }
}
