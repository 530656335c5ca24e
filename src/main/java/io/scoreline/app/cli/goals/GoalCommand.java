package io.scoreline.app.cli.goals;

import io.scoreline.app.cli.CommandGroup;
import io.scoreline.app.cli.HelpOptions;
import picocli.CommandLine.Command;

/** {@code scoreline goal …}: targets per KPI and week, month or quarter, and progress towards them. */
@Command(
        name = "goal",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline goal set --org acme --kpi calls_made --period month --target 200 --role rep",
            "  scoreline goal set --org acme --kpi calls_made --period month --target 250 --person ana@acme.example",
            "  scoreline goal progress --org acme --kpi calls_made --period month --person ana@acme.example"
        },
        description = "Set, list and remove goals (per person, team, role or team's members) and show progress.",
        subcommands = {GoalSetCommand.class, GoalListCommand.class, GoalRemoveCommand.class, GoalProgressCommand.class})
public final class GoalCommand extends CommandGroup {}
