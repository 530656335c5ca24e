package io.scoreline.app.cli;

import io.micronaut.context.ApplicationContext;
import io.scoreline.connectors.spi.ScorelineException;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.rules.RuleSetStore;
import java.util.LinkedHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline mapping show}: the active rule document of an integration, or a given version. */
@Command(name = "show",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline mapping show --integration 1",
                "  scoreline mapping show --integration 1 --version 2"},
        description = "Print an integration's active rules (or --version N).")
final class MappingShowCommand extends ContextCommand {

    @Option(names = "--integration", required = true, paramLabel = "ID", description = "Integration id")
    long integrationId;

    @Option(names = "--version", paramLabel = "N", description = "A stored version instead of the active one")
    Integer version;

    @Override
    protected void validate() {
        if (version != null) {
            RangeOption.check("--version", version, 1, Integer.MAX_VALUE);
        }
    }

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var integration = context.getBean(IntegrationStore.class).require(integrationId);
        var store = context.getBean(RuleSetStore.class);
        var shown = version == null
                ? store.active(integration.organizationId(), integration.id()).orElseThrow(() -> ScorelineException.notFound(
                        "integration " + integrationId + " has no rules yet: store some with `scoreline mapping set`"))
                : store.versions(integration.organizationId(), integration.id()).stream()
                        .filter(v -> v.version() == version).findFirst()
                        .orElseThrow(() -> ScorelineException.notFound("integration " + integrationId + " has no version " + version));
        if (output.json()) {
            var line = new LinkedHashMap<String, Object>();
            line.put("integration", integrationId);
            line.put("version", shown.version());
            line.put("active", shown.active());
            line.put("created_at", shown.createdAt().toString());
            line.put("document", shown.document());
            output.jsonLine(line);
        } else {
            output.line("# integration " + integrationId + ", version " + shown.version() + (shown.active() ? " (active)" : "")
                    + ", stored " + shown.createdAt());
            output.line(shown.document().stripTrailing());
        }
        return 0;
    }
}
