package io.scoreline.app.cli.people;

import io.scoreline.app.cli.CommandGroup;
import io.scoreline.app.cli.HelpOptions;
import picocli.CommandLine.Command;

/** {@code scoreline team …}: an organization's team tree. */
@Command(
        name = "team",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline team create --org acme --name EMEA",
            "  scoreline team create --org acme --name \"EMEA North\" --parent EMEA",
            "  scoreline team list --org acme"
        },
        description = "Create, rename, move, list and delete teams; teams form a tree.",
        subcommands = {
            TeamCreateCommand.class,
            TeamListCommand.class,
            TeamRenameCommand.class,
            TeamMoveCommand.class,
            TeamDeleteCommand.class
        })
public final class TeamCommand extends CommandGroup {}
