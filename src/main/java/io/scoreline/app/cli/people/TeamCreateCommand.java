package io.scoreline.app.cli.people;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.view.TeamView;
import io.scoreline.pipeline.people.Teams;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline team create}. */
@Command(
        name = "create",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline team create --org acme --name EMEA",
            "  scoreline team create --org acme --name \"EMEA North\" --parent EMEA --json"
        },
        description = "Create a team, at the top level or under a parent team.")
final class TeamCreateCommand extends ContextCommand {

    @Option(names = "--org", required = true, paramLabel = "SLUG", description = "Organization slug")
    String org;

    @Option(names = "--name", required = true, description = "Team name, unique in the organization")
    String name;

    @Option(names = "--parent", paramLabel = "TEAM", description = "The team to create it under")
    String parent;

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var created = context.getBean(Teams.class).create(org, name, Optional.ofNullable(parent));
        if (output.json()) {
            output.jsonLine(TeamView.of(created.team()));
        } else {
            output.line("Created team '" + created.team().name() + "' in "
                    + created.organization().slug()
                    + created.team().parent().map(p -> " under '" + p + "'").orElse(" at the top level"));
        }
        return 0;
    }
}
