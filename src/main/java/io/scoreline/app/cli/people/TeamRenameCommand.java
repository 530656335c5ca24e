package io.scoreline.app.cli.people;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.view.TeamView;
import io.scoreline.pipeline.people.Teams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline team rename}. */
@Command(
        name = "rename",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline team rename --org acme --name \"EMEA North\" --to Nordics"},
        description = "Rename a team; its people, sub-teams and contest history stay with it.")
final class TeamRenameCommand extends ContextCommand {

    @Option(names = "--org", required = true, paramLabel = "SLUG", description = "Organization slug")
    String org;

    @Option(names = "--name", required = true, paramLabel = "TEAM", description = "The team's current name")
    String name;

    @Option(names = "--to", required = true, paramLabel = "NAME", description = "The new name")
    String to;

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var renamed = context.getBean(Teams.class).rename(org, name, to);
        if (output.json()) {
            output.jsonLine(TeamView.of(renamed.team()));
        } else {
            output.line("Renamed team '" + name.strip() + "' to '"
                    + renamed.team().name() + "' in " + renamed.organization().slug());
        }
        return 0;
    }
}
