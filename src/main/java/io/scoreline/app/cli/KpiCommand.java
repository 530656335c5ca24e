package io.scoreline.app.cli;

import picocli.CommandLine.Command;

/** {@code scoreline kpi …}. */
@Command(name = "kpi", description = "Read KPI values.", subcommands = {KpiShowCommand.class})
final class KpiCommand extends CommandGroup {
}
