package io.scoreline.app.cli;

import picocli.CommandLine.Command;

/** {@code scoreline contest …}. */
@Command(name = "contest", description = "Create and list contests.", subcommands = {ContestCreateCommand.class, ContestListCommand.class})
final class ContestCommand extends CommandGroup {
}
