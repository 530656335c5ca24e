package io.scoreline.app.cli;

import picocli.CommandLine.Command;

/** {@code scoreline org …}: the tenants. */
@Command(name = "org", description = "Create and list organizations.",
        subcommands = {OrgCreateCommand.class, OrgListCommand.class})
final class OrgCommand extends CommandGroup {
}
