package io.scoreline.app.cli.gamification;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliErrorHandler;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.gamification.badges.BadgeCatalogs;
import io.scoreline.gamification.badges.BadgeDefinition;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scoreline badges add --org S --file F}: validates a badge catalog like mapping rules (every
 * problem as FILE:LINE:COL) and adds its badges to the organization, replacing same-key badges.
 */
@Command(
        name = "add",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline badges add --org acme --file badges.yaml"},
        description = "Add or replace an organization's own badges from a catalog file (validated first).")
final class BadgesAddCommand extends ContextCommand {

    @Option(names = "--org", required = true, paramLabel = "SLUG", description = "Organization slug")
    String org;

    @Option(
            names = "--file",
            required = true,
            paramLabel = "FILE",
            description = "Badge catalog (YAML, same form as the stock badges.yaml)")
    Path file;

    /** The {@code --json} line: the organization and the keys of the badges added. */
    record AddedLine(String organization, List<String> badges) {}

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var catalog = BadgeCatalogFile.read(file);
        return switch (context.getBean(BadgeCatalogs.class).addCustom(org, catalog.text())) {
            case BadgeCatalogs.Outcome.Rejected rejected -> {
                catalog.report(spec.commandLine().getErr(), rejected.problems());
                spec.commandLine().getErr().println("error: " + file + " is not valid; nothing was stored");
                yield CliErrorHandler.FAILURE;
            }
            case BadgeCatalogs.Outcome.Added added -> {
                var keys = added.badges().stream().map(BadgeDefinition::key).toList();
                if (output.json()) {
                    output.jsonLine(new AddedLine(added.organization().slug(), keys));
                } else {
                    output.line("Added " + keys.size() + " badge(s) to "
                            + added.organization().slug() + ": " + String.join(", ", keys));
                }
                yield 0;
            }
        };
    }
}
