package io.scoreline.app.cli.integration;

import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.CliErrorHandler;
import io.micronaut.context.ApplicationContext;
import io.scoreline.connectors.spi.ConnectionCheck;
import io.scoreline.connectors.spi.ScorelineException;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.sync.ConnectorOpener;
import java.util.LinkedHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scoreline integration test}: checks settings and connectivity separately and says which
 * failed and why. Exit 0 only when both pass.
 */
@Command(name = "test",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline integration test --integration 1"},
        description = "Check an integration's settings, credentials and connectivity.")
final class IntegrationTestCommand extends ContextCommand {

    @Option(names = "--integration", required = true, paramLabel = "ID", description = "Integration id")
    long integrationId;

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var integration = context.getBean(IntegrationStore.class).require(integrationId);
        ConnectionCheck check;
        try (var connector = context.getBean(ConnectorOpener.class).open(integration)) {
            check = connector.check();
        } catch (ScorelineException e) {
            check = switch (e.kind()) {
                case BAD_INPUT -> new ConnectionCheck.SettingsInvalid(e.getMessage());
                default -> new ConnectionCheck.ConnectionFailed(e.kind(), e.getMessage());
            };
        }
        var line = new LinkedHashMap<String, Object>();
        line.put("integration", integrationId);
        line.put("provider", integration.provider().key());
        int exit = switch (check) {
            case ConnectionCheck.Passed passed -> {
                line.put("settings", "ok");
                line.put("connection", "ok");
                line.put("detail", passed.account() + ": " + passed.detail());
                yield 0;
            }
            case ConnectionCheck.SettingsInvalid invalid -> {
                line.put("settings", "invalid");
                line.put("connection", "not tried");
                line.put("detail", invalid.problem());
                yield CliErrorHandler.FAILURE;
            }
            case ConnectionCheck.ConnectionFailed failed -> {
                line.put("settings", "ok");
                line.put("connection", failed.kind().name().toLowerCase(java.util.Locale.ROOT));
                line.put("detail", failed.problem());
                yield CliErrorHandler.FAILURE;
            }
        };
        if (output.json()) {
            output.jsonLine(line);
        } else {
            output.line("settings:   " + line.get("settings"));
            output.line("connection: " + line.get("connection"));
            output.line("            " + line.get("detail"));
        }
        return exit;
    }
}
