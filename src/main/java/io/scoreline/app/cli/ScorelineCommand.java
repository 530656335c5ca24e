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
import java.util.Map;
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
        description = "Scoreline: CRM changes in, per-person KPIs, badges and leaderboards out.",
        subcommands = {
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
            ApiKeyCommand.class
        })
public final class ScorelineCommand implements Runnable {

    private final Map<String, String> environment;

    @Mixin
    HelpOptions help;

    @Spec
    CommandSpec spec;

    /** @param environment where settings are read from: the process environment, or a test's map */
    public ScorelineCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
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
