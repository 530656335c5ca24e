package io.scoreline.app.cli.integration;

import io.scoreline.app.cli.CommandGroup;
import io.scoreline.app.cli.HelpOptions;
import picocli.CommandLine.Command;

/** {@code scoreline integration …}: connections to CRM accounts. */
@Command(
        name = "integration",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline integration add --org acme --provider salesforce --credentials-file salesforce.properties",
            "  scoreline integration list --org acme",
            "  scoreline integration test --integration 1"
        },
        description = "Connect CRM accounts to an organization.",
        subcommands = {
            IntegrationAddCommand.class,
            IntegrationConnectCommand.class,
            IntegrationListCommand.class,
            IntegrationTestCommand.class,
            IntegrationDescribeCommand.class,
            IntegrationPauseCommand.class,
            IntegrationResumeCommand.class,
            IntegrationRotateSecretCommand.class,
            IntegrationRefreshFormulasCommand.class
        })
public final class IntegrationCommand extends CommandGroup {}
