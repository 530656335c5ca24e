package io.scoreline.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The root of the CLI of DESIGN §10. */
@Command(name = "scoreline",
        mixinStandardHelpOptions = true,
        versionProvider = ScorelineVersion.class,
        description = "Scoreline: CRM changes in, per-person KPIs, badges and leaderboards out.",
        subcommands = {ServeCommand.class, MigrateCommand.class, OrgCommand.class, IntegrationCommand.class})
public final class ScorelineCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: use one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
