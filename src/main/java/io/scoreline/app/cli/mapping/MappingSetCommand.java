package io.scoreline.app.cli.mapping;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliErrorHandler;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.mappings.RuleSetDiff;
import io.scoreline.pipeline.facts.MissingFields;
import io.scoreline.pipeline.rules.RuleSetChange;
import io.scoreline.pipeline.rules.RuleSetVersions;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scoreline mapping set}: validates a rule document against the integration's provider
 * and stores it as the next version, printing the difference from the active one. An invalid
 * document stores nothing.
 */
@Command(
        name = "set",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline mapping set --integration 1 --file rules.yaml"},
        description = "Validate and store a new version of an integration's rules; prints the diff.")
final class MappingSetCommand extends ContextCommand {

    @Option(names = "--integration", required = true, paramLabel = "ID", description = "Integration id")
    long integrationId;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "Rule document")
    Path file;

    /** The {@code --json} line; {@code missing}: one line per object whose stored records lack fields the rules read. */
    record SetLine(long integration, int version, boolean stored, String diff, List<String> missing) {}

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var document = RuleDocumentFile.read(file);
        var change = context.getBean(RuleSetVersions.class).set(integrationId, document.text(), "cli");
        var err = spec.commandLine().getErr();
        document.report(err, change.problems());
        return switch (change) {
            case RuleSetChange.Rejected rejected -> {
                err.println("error: " + file + " is not valid; nothing was stored");
                yield CliErrorHandler.FAILURE;
            }
            case RuleSetChange.Unchanged unchanged -> {
                report(output, unchanged.active().version(), false, "", MissingFields.NONE);
                yield 0;
            }
            case RuleSetChange.Stored stored -> {
                report(output, stored.stored().version(), true, RuleSetDiff.format(stored.changes()), stored.missing());
                yield 0;
            }
        };
    }

    private void report(CliOutput output, int version, boolean stored, String diff, MissingFields missing) {
        if (output.json()) {
            output.jsonLine(new SetLine(integrationId, version, stored, diff, missing.lines()));
        } else if (!stored) {
            output.line("No change: version " + version + " stays active for integration " + integrationId);
        } else {
            output.line("Stored version " + version + " (active) for integration " + integrationId
                    + (diff.isEmpty() ? "; rules unchanged, text differs" : ":"));
            if (!diff.isEmpty()) {
                output.line(diff.stripTrailing());
            }
            if (!missing.isEmpty()) {
                // ADR 0034: history is not derived from fields that were never read.
                output.line("Stored records lack fields these rules read; `scoreline remap --integration "
                        + integrationId + "` reads them again (" + missing.records() + " records, about "
                        + missing.apiCalls() + " API calls), `--dry-run` shows it:");
                missing.lines().forEach(line -> output.line("  " + line));
            }
        }
    }
}
