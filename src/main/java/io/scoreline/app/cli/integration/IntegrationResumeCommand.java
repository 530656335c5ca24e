package io.scoreline.app.cli.integration;

import io.scoreline.app.cli.HelpOptions;
import io.scoreline.pipeline.integrations.IntegrationStatus;
import picocli.CommandLine.Command;

/** {@code scoreline integration resume}: scheduled syncs again; a missed hour runs once, now. */
@Command(
        name = "resume",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline integration resume --integration 1"},
        description = "Resume an integration's scheduled syncs.")
final class IntegrationResumeCommand extends IntegrationStatusCommand {

    @Override
    protected IntegrationStatus target() {
        return IntegrationStatus.ACTIVE;
    }
}
