package io.scoreline.app.cli;

import picocli.CommandLine.Command;

/** {@code scoreline kpi …}. */
@Command(name = "kpi",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline kpi show --org acme --from 2026-03-01 --to 2026-03-31"},
        description = "Read KPI values.", subcommands = {KpiShowCommand.class})
final class KpiCommand extends CommandGroup {
}
