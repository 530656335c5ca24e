package io.scoreline.app.cli.goals;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.view.GoalView;
import io.scoreline.gamification.goals.Goals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline goal remove}. */
@Command(
        name = "remove",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline goal remove --org acme --id 12"},
        description = "Remove a goal from the current period on; past periods keep it.")
final class GoalRemoveCommand extends ContextCommand {

    @Option(names = "--org", required = true, paramLabel = "SLUG", description = "Organization slug")
    String org;

    @Option(names = "--id", required = true, paramLabel = "ID", description = "The goal's id (goal list)")
    long id;

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var removed = context.getBean(Goals.class).remove(org, id);
        var removal = removed.removal();
        if (output.json()) {
            output.jsonLine(GoalView.of(removal.goal()));
        } else {
            output.line("Goal " + id
                    + (removal.deleted()
                            ? " deleted (it had not applied to an ended period)"
                            : " ended before " + removal.effectiveFrom() + "; earlier periods keep it")
                    + " in " + removed.organization().slug());
        }
        return 0;
    }
}
