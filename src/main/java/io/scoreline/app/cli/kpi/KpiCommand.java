package io.scoreline.app.cli.kpi;

import io.scoreline.app.cli.CommandGroup;
import io.scoreline.app.cli.HelpOptions;
import picocli.CommandLine.Command;

/** {@code scoreline kpi …}. */
@Command(
        name = "kpi",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline kpi show --org acme --from 2026-03-01 --to 2026-03-31"},
        description = "Read KPI values.",
        subcommands = {KpiShowCommand.class, KpiTeamsCommand.class})
public final class KpiCommand extends CommandGroup {}
