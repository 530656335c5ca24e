package io.scoreline.app.cli.mapping;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliErrorHandler;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.cli.RangeOption;
import io.scoreline.mappings.Problem;
import io.scoreline.mappings.RuleSetDiff;
import io.scoreline.pipeline.rules.RuleSetActivation;
import io.scoreline.pipeline.rules.RuleSetVersions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scoreline mapping activate}: rolls an integration's rules back (or forward) to a stored
 * version, printing the difference from the version that was active. Versions are never edited.
 */
@Command(
        name = "activate",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline mapping activate --integration 1 --version 2"},
        description =
                "Make a stored version of an integration's rules the active one again (a roll-back); prints the diff.")
final class MappingActivateCommand extends ContextCommand {

    @Option(names = "--integration", required = true, paramLabel = "ID", description = "Integration id")
    long integrationId;

    @Option(
            names = "--version",
            required = true,
            paramLabel = "N",
            description = "The stored version to activate (see `mapping show --version N`)")
    int version;

    /** The {@code --json} line, in the form of {@code mapping set}'s. */
    record ActivateLine(long integration, int version, boolean activated, String diff) {}

    @Override
    protected void validate() {
        RangeOption.check("--version", version, 1, Integer.MAX_VALUE);
    }

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var activation = context.getBean(RuleSetVersions.class).activate(integrationId, version);
        return switch (activation) {
            case RuleSetActivation.Rejected rejected -> {
                var err = spec.commandLine().getErr();
                var name = "integration " + integrationId + " version " + version;
                rejected.problems().stream()
                        .sorted(Problem.IN_DOCUMENT_ORDER)
                        .forEach(p -> err.println(p.format(name)));
                err.println("error: " + name + " no longer compiles against the field catalog; nothing was changed");
                err.flush();
                yield CliErrorHandler.FAILURE;
            }
            case RuleSetActivation.AlreadyActive active -> {
                if (output.json()) {
                    output.jsonLine(new ActivateLine(integrationId, version, false, ""));
                } else {
                    output.line(
                            "No change: version " + version + " is already active for integration " + integrationId);
                }
                yield 0;
            }
            case RuleSetActivation.Activated activated -> {
                var diff = RuleSetDiff.format(activated.changes());
                if (output.json()) {
                    output.jsonLine(new ActivateLine(integrationId, version, true, diff));
                } else {
                    output.line("Activated version " + version + " for integration " + integrationId
                            + activated
                                    .previousVersion()
                                    .map(v -> " (was version " + v + ")")
                                    .orElse("")
                            + (diff.isEmpty() ? "; rules unchanged" : ":"));
                    if (!diff.isEmpty()) {
                        output.line(diff.stripTrailing());
                    }
                }
                yield 0;
            }
        };
    }
}
