package io.scoreline.app.cli.runs;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.pipeline.sync.OnDemandRuns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline sync --integration ID}: an incremental sync now, recorded like a scheduled one. */
@Command(
        name = "sync",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline sync --integration 1", "  scoreline sync --integration 1 --json"},
        description = "Run an incremental sync of an integration now.")
public final class SyncCommand extends ContextCommand {

    @Option(names = "--integration", required = true, paramLabel = "ID", description = "Integration id")
    long integrationId;

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var outcome = context.getBean(OnDemandRuns.class).sync(integrationId);
        return RunOutcomeOutput.print(output, "Run", outcome, "");
    }
}
