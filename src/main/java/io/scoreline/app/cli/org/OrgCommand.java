package io.scoreline.app.cli.org;

import io.scoreline.app.cli.CommandGroup;
import io.scoreline.app.cli.HelpOptions;
import picocli.CommandLine.Command;

/** {@code scoreline org …}: the tenants. */
@Command(
        name = "org",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline org create --slug acme --name \"Acme Corp\" --timezone Europe/Berlin",
            "  scoreline org list"
        },
        description = "Create and list organizations.",
        subcommands = {OrgCreateCommand.class, OrgListCommand.class})
public final class OrgCommand extends CommandGroup {}
