package io.scoreline.app.cli.admin;

import io.scoreline.app.cli.CommandGroup;
import io.scoreline.app.cli.HelpOptions;
import picocli.CommandLine.Command;

/** {@code scoreline master-key …}: the key stored CRM credentials are encrypted with. */
@Command(
        name = "master-key",
        description = "Manage the master key that encrypts stored CRM credentials.",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline master-key rotate --new-key-file new.key"},
        subcommands = {MasterKeyRotateCommand.class})
public final class MasterKeyCommand extends CommandGroup {}
