package io.scoreline.app.cli;

import io.scoreline.app.cli.admin.DemoCommand;
import io.scoreline.app.cli.admin.MasterKeyCommand;
import io.scoreline.app.cli.admin.MigrateCommand;
import io.scoreline.app.cli.admin.ServeCommand;
import io.scoreline.app.cli.admin.SimCommand;
import io.scoreline.app.cli.apikey.ApiKeyCommand;
import io.scoreline.app.cli.bench.BenchCommand;
import io.scoreline.app.cli.gamification.BadgesCommand;
import io.scoreline.app.cli.gamification.ContestCommand;
import io.scoreline.app.cli.goals.GoalCommand;
import io.scoreline.app.cli.integration.IntegrationCommand;
import io.scoreline.app.cli.integration.UsersCommand;
import io.scoreline.app.cli.kpi.KpiCommand;
import io.scoreline.app.cli.kpi.LeaderboardCommand;
import io.scoreline.app.cli.kpi.NotificationsCommand;
import io.scoreline.app.cli.mapping.MappingCommand;
import io.scoreline.app.cli.org.OrgCommand;
import io.scoreline.app.cli.people.ProfileCommand;
import io.scoreline.app.cli.people.TeamCommand;
import io.scoreline.app.cli.runs.BackfillCommand;
import io.scoreline.app.cli.runs.InboxCommand;
import io.scoreline.app.cli.runs.RemapCommand;
import io.scoreline.app.cli.runs.RunsCommand;
import io.scoreline.app.cli.runs.SyncCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The root of the CLI of DESIGN §10. */
@Command(
        name = "scoreline",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline demo --live-minutes 0",
            "  scoreline org create --slug acme --name \"Acme Corp\" --timezone Europe/Berlin",
            "  scoreline integration add --org acme --provider hubspot --portal-id 4242 --credentials-file hubspot.properties",
            "  scoreline backfill --integration 1 --from 2026-01-01 --to 2026-03-31 --dry-run",
            "  scoreline serve"
        },
        versionProvider = ScorelineVersion.class,
        description = "Scoreline: CRM changes in, per-person KPIs, badges and leaderboards out.")
public final class ScorelineCommand implements Runnable {

    /** The top-level commands, in the order help lists them. */
    static final List<Class<?>> COMMANDS = List.of(
            ServeCommand.class,
            MigrateCommand.class,
            OrgCommand.class,
            IntegrationCommand.class,
            MappingCommand.class,
            UsersCommand.class,
            SyncCommand.class,
            RunsCommand.class,
            RemapCommand.class,
            BackfillCommand.class,
            KpiCommand.class,
            SimCommand.class,
            BenchCommand.class,
            DemoCommand.class,
            BadgesCommand.class,
            NotificationsCommand.class,
            ContestCommand.class,
            GoalCommand.class,
            LeaderboardCommand.class,
            InboxCommand.class,
            MasterKeyCommand.class,
            TeamCommand.class,
            ProfileCommand.class,
            ApiKeyCommand.class);

    private final Map<String, String> environment;

    @Mixin
    HelpOptions help;

    @Spec
    CommandSpec spec;

    /** @param environment where settings are read from: the process environment, or a test's map */
    public ScorelineCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The whole command tree: for help, documentation and tests. */
    public static CommandLine commandLine(Map<String, String> environment) {
        var root = new CommandLine(new ScorelineCommand(environment));
        COMMANDS.forEach(root::addSubcommand);
        return root;
    }

    /**
     * The tree a command line needs: when its first word names a top-level command, only that
     * command's branch is built, otherwise (no command, an option, a typo) all of it. Picocli
     * builds a command's model from its annotations by reflection, and the whole tree's is a
     * tenth of a short command's start-up (ADR 0054); what a line parses to is the same.
     */
    public static CommandLine commandLine(Map<String, String> environment, String... args) {
        if (args.length > 0) {
            for (var command : COMMANDS) {
                if (names(command).contains(args[0])) {
                    var root = new CommandLine(new ScorelineCommand(environment));
                    root.addSubcommand(command);
                    return root;
                }
            }
        }
        return commandLine(environment);
    }

    private static List<String> names(Class<?> command) {
        var annotation = command.getAnnotation(Command.class);
        var names = new ArrayList<String>();
        names.add(annotation.name());
        names.addAll(List.of(annotation.aliases()));
        return names;
    }

    Map<String, String> environment() {
        return environment;
    }

    /** The settings' source of the command line {@code spec} belongs to. */
    public static Map<String, String> environmentOf(CommandSpec spec) {
        return ((ScorelineCommand) spec.root().userObject()).environment();
    }

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "missing command: use one of "
                        + String.join(", ", spec.subcommands().keySet()));
    }
}
