package io.scoreline.app.cli.bench;

import io.scoreline.app.bench.CliBenchmark;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.failure.ScorelineException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scoreline bench cli [--runs N] [--command "org list"]}: the wall and CPU time of one CLI
 * command started again and again as its own process on a scratch home (issue 22's start-up target).
 */
@Command(
        name = "cli",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline bench cli", "  scoreline bench cli --runs 20 --command \"kpi list --org acme\" --json"},
        description = "Start one CLI command N times as a child process on a scratch home; cold, median, p95, min.")
final class BenchCliCommand extends ScratchBenchCommand {

    /** Commands that never return on their own, or that would nest a benchmark. */
    private static final Set<String> REFUSED = Set.of("serve", "bench", "demo", "sim");

    @Option(
            names = "--runs",
            defaultValue = "10",
            description = "Warm runs after the cold one (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(
            names = "--command",
            defaultValue = "org list",
            description = "The command to start, as typed after `scoreline` (default: ${DEFAULT-VALUE})")
    String command;

    @Override
    protected void validate() {
        if (runs < 1 || runs > 1000) {
            throw ScorelineException.badInput("--runs must be from 1 to 1000");
        }
        var words = words();
        if (words.isEmpty() || REFUSED.contains(words.getFirst())) {
            throw ScorelineException.badInput(
                    "--command must name a command that returns on its own, not '" + command + "' (e.g. \"org list\")");
        }
    }

    @Override
    protected Map<String, Object> measure(Path scratch, PrintWriter err) {
        return new CliBenchmark().run(words(), runs, scratch);
    }

    private List<String> words() {
        return List.of(command.strip().split("\\s+")).stream()
                .filter(word -> !word.isEmpty())
                .toList();
    }
}
