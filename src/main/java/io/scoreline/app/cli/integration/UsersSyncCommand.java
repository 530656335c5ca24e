package io.scoreline.app.cli.integration;

import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.CliOutput;
import io.micronaut.context.ApplicationContext;
import io.scoreline.pipeline.sync.ConnectorOpener;
import io.scoreline.pipeline.identities.CrmIdentityStore;
import io.scoreline.pipeline.integrations.IntegrationStore;
import java.util.LinkedHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline users sync}: CRM users/owners → profiles by e-mail. */
@Command(name = "sync",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline users sync --integration 1",
                "  scoreline users sync --integration 1 --create-profiles"},
        description = "Import the CRM's users and link them to profiles by e-mail.")
final class UsersSyncCommand extends ContextCommand {

    @Option(names = "--integration", required = true, paramLabel = "ID", description = "Integration id")
    long integrationId;

    @Option(names = "--create-profiles", description = "Create profiles for active CRM users that match none")
    boolean createProfiles;

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var integration = context.getBean(IntegrationStore.class).require(integrationId);
        try (var connector = context.getBean(ConnectorOpener.class).open(integration)) {
            var result = context.getBean(CrmIdentityStore.class).sync(integration.organizationId(), integrationId, connector.users(),
                    createProfiles);
            if (output.json()) {
                var line = new LinkedHashMap<String, Object>();
                line.put("integration", integrationId);
                line.put("users", result.usersSeen());
                line.put("newly_linked", result.newlyLinked());
                line.put("profiles_created", result.profilesCreated());
                line.put("unmatched", result.unmatched());
                output.jsonLine(line);
            } else {
                output.line(result.usersSeen() + " CRM users: " + result.newlyLinked() + " newly linked, " + result.profilesCreated()
                        + " profiles created, " + result.unmatched() + " unmatched"
                        + (result.unmatched() > 0 ? " (see `scoreline users unmatched --integration " + integrationId + "`)" : "")
                        + (result.newlyLinked() > 0 ? "\nRun `scoreline remap --integration " + integrationId
                                + "` to credit the facts already synced for newly linked users." : ""));
            }
        }
        return 0;
    }
}
