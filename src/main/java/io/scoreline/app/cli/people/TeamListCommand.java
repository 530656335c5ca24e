package io.scoreline.app.cli.people;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.view.TeamView;
import io.scoreline.pipeline.people.Teams;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline team list}. */
@Command(
        name = "list",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline team list --org acme", "  scoreline team list --org acme --json"},
        description = "List the teams as a tree: each team followed by its sub-teams, indented.")
final class TeamListCommand extends ContextCommand {

    @Option(names = "--org", required = true, paramLabel = "SLUG", description = "Organization slug")
    String org;

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var listed = context.getBean(Teams.class).list(org);
        if (output.json()) {
            listed.teams().forEach(t -> output.jsonLine(TeamView.of(t)));
        } else if (listed.teams().isEmpty()) {
            output.line(
                    listed.organization().slug() + " has no teams yet: create one with `scoreline team create --org "
                            + listed.organization().slug() + " --name NAME`");
        } else {
            output.table(
                    List.of("TEAM", "PEOPLE", "SUB-TEAMS"),
                    listed.teams().stream()
                            .map(t -> List.of(
                                    "  ".repeat(t.depth()) + t.name(),
                                    Integer.toString(t.members()),
                                    Integer.toString(t.subTeams())))
                            .toList());
        }
        return 0;
    }
}
