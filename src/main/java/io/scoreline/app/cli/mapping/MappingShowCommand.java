package io.scoreline.app.cli.mapping;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.cli.RangeOption;
import io.scoreline.pipeline.rules.RuleSetVersions;
import io.scoreline.pipeline.rules.StoredRuleSet;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline mapping show}: the active rule document of an integration, or a given version. */
@Command(
        name = "show",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline mapping show --integration 1", "  scoreline mapping show --integration 1 --version 2"},
        description = "Print an integration's active rules (or --version N).")
final class MappingShowCommand extends ContextCommand {

    @Option(names = "--integration", required = true, paramLabel = "ID", description = "Integration id")
    long integrationId;

    @Option(names = "--version", paramLabel = "N", description = "A stored version instead of the active one")
    Integer version;

    /** The {@code --json} line. */
    record ShowLine(
            long integration,
            int version,
            boolean active,
            @JsonProperty("created_at") Instant createdAt,
            String document) {}

    @Override
    protected void validate() {
        if (version != null) {
            RangeOption.check("--version", version, 1, Integer.MAX_VALUE);
        }
    }

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var ruleSets = context.getBean(RuleSetVersions.class);
        StoredRuleSet shown =
                version == null ? ruleSets.active(integrationId) : ruleSets.version(integrationId, version);
        if (output.json()) {
            output.jsonLine(
                    new ShowLine(integrationId, shown.version(), shown.active(), shown.createdAt(), shown.document()));
        } else {
            output.line("# integration " + integrationId + ", version " + shown.version()
                    + (shown.active() ? " (active)" : "") + ", stored " + shown.createdAt());
            output.line(shown.document().stripTrailing());
        }
        return 0;
    }
}
