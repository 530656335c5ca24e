package io.scoreline.app.cli;

import io.micronaut.context.ApplicationContext;
import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.MappingCompiler;
import io.scoreline.mappings.Provider;
import io.scoreline.mappings.RuleSetDiff;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.rules.RuleSetStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scoreline mapping set}: validates a rule document against the integration's provider
 * and stores it as the next version, printing the difference from the active one. An invalid
 * document stores nothing.
 */
@Command(name = "set",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline mapping set --integration 1 --file rules.yaml"},
        description = "Validate and store a new version of an integration's rules; prints the diff.")
final class MappingSetCommand extends ContextCommand {

    @Option(names = "--integration", required = true, paramLabel = "ID", description = "Integration id")
    long integrationId;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "Rule document")
    Path file;

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var integration = context.getBean(IntegrationStore.class).require(integrationId);
        var provider = Provider.parse(integration.provider().key());
        var document = RuleDocumentFile.read(file, Optional.of(provider));
        if (!document.report(spec.commandLine().getErr())) {
            spec.commandLine().getErr().println("error: " + file + " is not valid; nothing was stored");
            return CliErrorHandler.FAILURE;
        }
        var compiled = ((CompileResult.Compiled) document.result()).ruleSet();
        var store = context.getBean(RuleSetStore.class);
        var previous = store.active(integration.organizationId(), integration.id());
        var previousCanonical = previous.map(p -> MappingCompiler.compile(p.document(), FieldCatalog.stock(provider)))
                .filter(r -> r instanceof CompileResult.Compiled)
                .map(r -> ((CompileResult.Compiled) r).ruleSet().canonicalText())
                .orElse("");
        var changes = RuleSetDiff.between(previousCanonical, compiled.canonicalText());
        if (previous.isPresent() && changes.isEmpty() && previous.get().document().equals(document.text())) {
            report(output, previous.get().version(), false, "");
            return 0;
        }
        var saved = store.saveNewVersion(integration.organizationId(), integration.id(), document.text(), "cli");
        report(output, saved.version(), true, RuleSetDiff.format(changes));
        return 0;
    }

    private void report(CliOutput output, int version, boolean stored, String diff) {
        if (output.json()) {
            var line = new LinkedHashMap<String, Object>();
            line.put("integration", integrationId);
            line.put("version", version);
            line.put("stored", stored);
            line.put("diff", diff);
            output.jsonLine(line);
        } else if (!stored) {
            output.line("No change: version " + version + " stays active for integration " + integrationId);
        } else {
            output.line("Stored version " + version + " (active) for integration " + integrationId
                    + (diff.isEmpty() ? "; rules unchanged, text differs" : ":"));
            if (!diff.isEmpty()) {
                output.line(diff.stripTrailing());
            }
        }
    }
}
