package io.scoreline.app.cli;

import picocli.CommandLine.Command;

/** {@code scoreline org …}: the tenants. */
@Command(name = "org",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline org create --slug acme --name \"Acme Corp\" --timezone Europe/Berlin",
                "  scoreline org list"},
        description = "Create and list organizations.",
        subcommands = {OrgCreateCommand.class, OrgListCommand.class})
final class OrgCommand extends CommandGroup {
}
