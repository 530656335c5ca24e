package io.scoreline.app.cli.integration;

import io.scoreline.app.cli.HelpOptions;
import io.scoreline.pipeline.integrations.IntegrationStatus;
import picocli.CommandLine.Command;

/** {@code scoreline integration pause}. */
@Command(
        name = "pause",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline integration pause --integration 1"},
        description = "Stop an integration's scheduled syncs.")
final class IntegrationPauseCommand extends IntegrationStatusCommand {

    @Override
    protected IntegrationStatus target() {
        return IntegrationStatus.PAUSED;
    }
}
