package io.scoreline.app.cli;

import io.micronaut.context.ApplicationContext;
import io.scoreline.gamification.badges.BadgeStore;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scoreline badges add --org S --file F}: validates a badge catalog like mapping rules (every
 * problem as FILE:LINE:COL) and adds its badges to the organization, replacing same-key badges.
 */
@Command(name = "add",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline badges add --org acme --file badges.yaml"},
        description = "Add or replace an organization's own badges from a catalog file (validated first).")
final class BadgesAddCommand extends ContextCommand {

    @Option(names = "--org", required = true, paramLabel = "SLUG", description = "Organization slug")
    String org;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "Badge catalog (YAML, same form as the stock badges.yaml)")
    Path file;

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var catalog = BadgeCatalogFile.read(file);
        if (!catalog.report(spec.commandLine().getErr())) {
            spec.commandLine().getErr().println("error: " + file + " is not valid; nothing was stored");
            return CliErrorHandler.FAILURE;
        }
        var organization = context.getBean(OrganizationStore.class).require(org);
        var badges = catalog.result().badges();
        context.getBean(BadgeStore.class).addCustom(organization.id(), badges);
        if (output.json()) {
            var line = new LinkedHashMap<String, Object>();
            line.put("organization", organization.slug());
            line.put("badges", badges.stream().map(b -> b.key()).toList());
            output.jsonLine(line);
        } else {
            output.line("Added " + badges.size() + " badge(s) to " + organization.slug() + ": "
                    + String.join(", ", badges.stream().map(b -> b.key()).toList()));
        }
        return 0;
    }
}
