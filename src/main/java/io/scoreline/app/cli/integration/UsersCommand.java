package io.scoreline.app.cli.integration;

import io.scoreline.app.cli.CommandGroup;
import io.scoreline.app.cli.HelpOptions;
import picocli.CommandLine.Command;

/** {@code scoreline users …}: attribution of CRM users to profiles. */
@Command(
        name = "users",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline users sync --integration 1 --create-profiles",
            "  scoreline users unmatched --integration 1"
        },
        description = "Import CRM users and link them to profiles by e-mail.",
        subcommands = {UsersSyncCommand.class, UsersUnmatchedCommand.class})
public final class UsersCommand extends CommandGroup {}
