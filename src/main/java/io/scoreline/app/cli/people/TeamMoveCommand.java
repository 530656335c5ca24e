package io.scoreline.app.cli.people;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.view.TeamView;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.people.Teams;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline team move}. */
@Command(
        name = "move",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline team move --org acme --name Nordics --parent EMEA",
            "  scoreline team move --org acme --name Nordics --top-level --json"
        },
        description = "Move a team (with its sub-teams) under another team, or to the top level.")
final class TeamMoveCommand extends ContextCommand {

    @Option(names = "--org", required = true, paramLabel = "SLUG", description = "Organization slug")
    String org;

    @Option(names = "--name", required = true, paramLabel = "TEAM", description = "The team to move")
    String name;

    @Option(names = "--parent", paramLabel = "TEAM", description = "The new parent team")
    String parent;

    @Option(names = "--top-level", description = "Make it a top-level team")
    boolean topLevel;

    @Override
    protected void validate() {
        if ((parent == null) == !topLevel) {
            throw ScorelineException.badInput("give exactly one of --parent TEAM and --top-level");
        }
    }

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var moved = context.getBean(Teams.class).move(org, name, Optional.ofNullable(parent));
        if (output.json()) {
            output.jsonLine(TeamView.of(moved.team()));
        } else {
            output.line("Moved team '" + moved.team().name() + "' "
                    + moved.team().parent().map(p -> "under '" + p + "'").orElse("to the top level") + " in "
                    + moved.organization().slug());
        }
        return 0;
    }
}
