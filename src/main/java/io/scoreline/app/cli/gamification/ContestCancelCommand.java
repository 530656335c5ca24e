package io.scoreline.app.cli.gamification;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.view.ContestView;
import io.scoreline.gamification.contests.ContestSetup;
import io.scoreline.pipeline.audit.Actor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline contest cancel --id ID}: ends a contest early; it stops moving and awards nothing (ADR 0041). */
@Command(
        name = "cancel",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline contest cancel --id 3",
            "  scoreline contest cancel --id 3 --json",
            "  scoreline contest cancel --id 7 --series"
        },
        description = "Cancel a contest that has not ended: its board stops moving, nobody is notified, "
                + "no placement badges are awarded.")
final class ContestCancelCommand extends ContextCommand {

    @Option(names = "--id", required = true, paramLabel = "ID", description = "Contest id (see `contest list`)")
    long contestId;

    @Option(
            names = "--series",
            description = "Stop the series the contest is a period of: no further periods, and its contests "
                    + "that have not ended are cancelled")
    boolean series;

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var setup = context.getBean(ContestSetup.class);
        var cancelled =
                series ? setup.cancelSeries(contestId, Actor.OPERATOR) : setup.cancel(contestId, Actor.OPERATOR);
        if (output.json()) {
            output.jsonLine(ContestView.of(cancelled));
        } else {
            var contest = cancelled.contest();
            output.line("Contest " + contest.id() + " '" + contest.name() + "' is "
                    + contest.status().key() + "; its leaderboard stays as it was");
        }
        return 0;
    }
}
