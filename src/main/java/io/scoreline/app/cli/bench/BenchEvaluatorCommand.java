package io.scoreline.app.cli.bench;

import io.scoreline.app.bench.EvaluatorBenchmark;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.failure.ScorelineException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scoreline bench evaluator --changes N [--scorecard] [--goals]}: outbox changes evaluated
 * per second, first pass and replay, optionally with a live scorecard contest re-scored by every
 * change and with goals and a goal badge judged on every change.
 */
@Command(
        name = "evaluator",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline bench evaluator",
            "  scoreline bench evaluator --changes 100000 --workers 4",
            "  scoreline bench evaluator --scorecard",
            "  scoreline bench evaluator --goals --scorecard"
        },
        description = "Drain N KPI changes through the stock badges on a scratch embedded database; changes/s.")
final class BenchEvaluatorCommand extends ScratchBenchCommand {

    @Option(
            names = "--changes",
            defaultValue = "20000",
            description = "About how many outbox rows (default: ${DEFAULT-VALUE})")
    int changes;

    @Option(names = "--workers", defaultValue = "2", description = "Drain threads (default: ${DEFAULT-VALUE})")
    int workers;

    @Option(
            names = "--scorecard",
            description = "With a live contest ranking every rep by a scorecard over three of the KPIs")
    boolean scorecard;

    @Option(
            names = "--goals",
            description = "With monthly goals on three of the KPIs (the reps' role and a few people's own)"
                    + " and a goal_reached badge, judged on every change")
    boolean goals;

    @Override
    protected void validate() {
        if (changes < 200 || changes > 10_000_000) {
            throw ScorelineException.badInput("--changes must be from 200 to 10000000");
        }
        if (workers < 1 || workers > 32) {
            throw ScorelineException.badInput("--workers must be from 1 to 32");
        }
    }

    @Override
    protected Map<String, Object> measure(Path scratch, PrintWriter err) {
        return new EvaluatorBenchmark(Clock.systemUTC()).run(changes, workers, scorecard, goals, scratch);
    }
}
