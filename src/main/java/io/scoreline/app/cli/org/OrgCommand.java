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
            "  scoreline org list",
            "  scoreline org update --org acme --timezone Europe/Paris"
        },
        description = "Create, list and update organizations.",
        subcommands = {OrgCreateCommand.class, OrgListCommand.class, OrgUpdateCommand.class})
public final class OrgCommand extends CommandGroup {}
