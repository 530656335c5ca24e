package io.scoreline.app.cli.apikey;

import io.scoreline.app.cli.CommandGroup;
import io.scoreline.app.cli.HelpOptions;
import picocli.CommandLine.Command;

/** {@code scoreline apikey …}: keys of the admin API under /api/v1. */
@Command(
        name = "apikey",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline apikey create --org acme --name sales-app --scopes read",
            "  scoreline apikey list --org acme",
            "  scoreline apikey revoke --id 3"
        },
        description = "Create, list and revoke keys of the admin API.",
        subcommands = {ApiKeyCreateCommand.class, ApiKeyListCommand.class, ApiKeyRevokeCommand.class})
public final class ApiKeyCommand extends CommandGroup {}
