package io.scoreline.app.cli.people;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.view.TeamView;
import io.scoreline.pipeline.people.Teams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline team delete}. */
@Command(
        name = "delete",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline team delete --org acme --name Nordics"},
        description = "Delete a team that has no people and no sub-teams.")
final class TeamDeleteCommand extends ContextCommand {

    @Option(names = "--org", required = true, paramLabel = "SLUG", description = "Organization slug")
    String org;

    @Option(names = "--name", required = true, paramLabel = "TEAM", description = "The team to delete")
    String name;

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var deleted = context.getBean(Teams.class).delete(org, name);
        if (output.json()) {
            output.jsonLine(TeamView.of(deleted.team()));
        } else {
            output.line("Deleted team '" + deleted.team().name() + "' from "
                    + deleted.organization().slug());
        }
        return 0;
    }
}
