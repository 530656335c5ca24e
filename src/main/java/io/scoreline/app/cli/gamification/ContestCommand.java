package io.scoreline.app.cli.gamification;

import io.scoreline.app.cli.CommandGroup;
import io.scoreline.app.cli.HelpOptions;
import picocli.CommandLine.Command;

/** {@code scoreline contest …}. */
@Command(
        name = "contest",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline contest create --org acme --name \"March calls\" --kpi call_connects --from 2026-03-01 --to 2026-03-31",
            "  scoreline contest list --org acme",
            "  scoreline contest cancel --id 3"
        },
        description = "Create, list, update and cancel contests.",
        subcommands = {
            ContestCreateCommand.class,
            ContestListCommand.class,
            ContestUpdateCommand.class,
            ContestCancelCommand.class
        })
public final class ContestCommand extends CommandGroup {}
