package io.scoreline.app.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The root of the CLI of DESIGN §10. */
@Command(name = "scoreline",
        mixinStandardHelpOptions = true,
        versionProvider = ScorelineVersion.class,
        description = "Scoreline: CRM changes in, per-person KPIs, badges and leaderboards out.",
        subcommands = {ServeCommand.class, MigrateCommand.class, OrgCommand.class, IntegrationCommand.class, MappingCommand.class,
                UsersCommand.class, SyncCommand.class, RunsCommand.class, RemapCommand.class, BackfillCommand.class, KpiCommand.class,
                SimCommand.class, BenchCommand.class, DemoCommand.class, BadgesCommand.class, NotificationsCommand.class,
                ContestCommand.class, LeaderboardCommand.class, InboxCommand.class,
                MasterKeyCommand.class})
public final class ScorelineCommand implements Runnable {

    private final Map<String, String> environment;

    @Spec
    CommandSpec spec;

    /** @param environment where settings are read from: the process environment, or a test's map */
    public ScorelineCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    Map<String, String> environment() {
        return environment;
    }

    static Map<String, String> environmentOf(CommandSpec spec) {
        return ((ScorelineCommand) spec.root().userObject()).environment();
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: use one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
