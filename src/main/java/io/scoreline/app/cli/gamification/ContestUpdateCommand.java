package io.scoreline.app.cli.gamification;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.view.ContestView;
import io.scoreline.failure.ScorelineException;
import io.scoreline.gamification.contests.ContestSetup;
import io.scoreline.pipeline.audit.Actor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline contest update --id ID --visible}: a hidden contest starts notifying (ADR 0045). */
@Command(
        name = "update",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline contest update --id 3 --visible"},
        description = "Make a hidden contest visible: from now on it notifies like any contest; what happened "
                + "while it was hidden is not announced.")
final class ContestUpdateCommand extends ContextCommand {

    @Option(names = "--id", required = true, paramLabel = "ID", description = "Contest id (see `contest list`)")
    long contestId;

    @Option(names = "--visible", description = "Stop hiding the contest (and its series' next periods)")
    boolean visible;

    @Override
    protected void validate() {
        if (!visible) {
            throw ScorelineException.badInput("nothing to update: give --visible");
        }
    }

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var updated = context.getBean(ContestSetup.class).reveal(contestId, Actor.OPERATOR);
        if (output.json()) {
            output.jsonLine(ContestView.of(updated));
        } else {
            var contest = updated.contest();
            output.line("Contest " + contest.id() + " '" + contest.name() + "' is visible, "
                    + contest.status().key());
        }
        return 0;
    }
}
