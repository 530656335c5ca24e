package io.scoreline.app.cli.integration;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.pipeline.identities.CrmUserLinking;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline users sync}: CRM users/owners → profiles by e-mail. */
@Command(
        name = "sync",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline users sync --integration 1", "  scoreline users sync --integration 1 --create-profiles"},
        description = "Import the CRM's users and link them to profiles by e-mail.")
final class UsersSyncCommand extends ContextCommand {

    @Option(names = "--integration", required = true, paramLabel = "ID", description = "Integration id")
    long integrationId;

    @Option(names = "--create-profiles", description = "Create profiles for active CRM users that match none")
    boolean createProfiles;

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var result = context.getBean(CrmUserLinking.class).sync(integrationId, createProfiles);
        if (output.json()) {
            output.jsonLine(new UsersSyncJson(
                    integrationId,
                    result.usersSeen(),
                    result.newlyLinked(),
                    result.profilesCreated(),
                    result.unmatched()));
        } else {
            output.line(result.usersSeen() + " CRM users: " + result.newlyLinked() + " newly linked, "
                    + result.profilesCreated()
                    + " profiles created, " + result.unmatched() + " unmatched"
                    + (result.unmatched() > 0
                            ? " (see `scoreline users unmatched --integration " + integrationId + "`)"
                            : "")
                    + (result.newlyLinked() > 0
                            ? "\nRun `scoreline remap --integration " + integrationId
                                    + "` to credit the facts already synced for newly linked users."
                            : ""));
        }
        return 0;
    }

    record UsersSyncJson(
            long integration,
            int users,
            @JsonProperty("newly_linked") int newlyLinked,
            @JsonProperty("profiles_created") int profilesCreated,
            int unmatched) {}
}
