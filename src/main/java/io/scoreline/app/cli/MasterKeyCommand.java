package io.scoreline.app.cli;

import picocli.CommandLine.Command;

/** {@code scoreline master-key …}: the key stored CRM credentials are encrypted with. */
@Command(name = "master-key", description = "Manage the master key that encrypts stored CRM credentials.",
        subcommands = {MasterKeyRotateCommand.class})
final class MasterKeyCommand extends CommandGroup {
}
