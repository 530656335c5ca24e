package io.scoreline.app.cli.integration;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliErrorHandler;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.connectors.spi.ConnectionCheck;
import io.scoreline.pipeline.integrations.onboarding.IntegrationOnboarding;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scoreline integration test}: checks settings and connectivity separately and says which
 * failed and why. Exit 0 only when both pass.
 */
@Command(
        name = "test",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline integration test --integration 1"},
        description = "Check an integration's settings, credentials and connectivity.")
final class IntegrationTestCommand extends ContextCommand {

    @Option(names = "--integration", required = true, paramLabel = "ID", description = "Integration id")
    long integrationId;

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var checked = context.getBean(IntegrationOnboarding.class).check(integrationId);
        var provider = checked.integration().provider().key();
        var line = switch (checked.check()) {
            case ConnectionCheck.Passed passed ->
                new CheckJson(integrationId, provider, "ok", "ok", passed.account() + ": " + passed.detail());
            case ConnectionCheck.SettingsInvalid invalid ->
                new CheckJson(integrationId, provider, "invalid", "not tried", invalid.problem());
            case ConnectionCheck.ConnectionFailed failed ->
                new CheckJson(
                        integrationId, provider, "ok", failed.kind().name().toLowerCase(Locale.ROOT), failed.problem());
        };
        if (output.json()) {
            output.jsonLine(line);
        } else {
            output.line("settings:   " + line.settings());
            output.line("connection: " + line.connection());
            output.line("            " + line.detail());
        }
        return checked.passed() ? 0 : CliErrorHandler.FAILURE;
    }

    record CheckJson(long integration, String provider, String settings, String connection, String detail) {}
}
