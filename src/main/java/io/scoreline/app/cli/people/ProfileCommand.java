package io.scoreline.app.cli.people;

import io.scoreline.app.cli.CommandGroup;
import io.scoreline.app.cli.HelpOptions;
import picocli.CommandLine.Command;

/** {@code scoreline profile …}: an organization's people. */
@Command(
        name = "profile",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline profile list --org acme --team EMEA",
            "  scoreline profile update --org acme --email ann@acme.example --team Nordics --manager bob@acme.example"
        },
        description = "List, create and update profiles: team, manager, role, active flag, display name.",
        subcommands = {ProfileListCommand.class, ProfileCreateCommand.class, ProfileUpdateCommand.class})
public final class ProfileCommand extends CommandGroup {}
