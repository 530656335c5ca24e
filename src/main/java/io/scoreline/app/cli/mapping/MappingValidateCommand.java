package io.scoreline.app.cli.mapping;

import io.scoreline.app.cli.ChoiceOption;
import io.scoreline.app.cli.CliErrorHandler;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.CommonOptions;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.mappings.CompileResult;
import io.scoreline.pipeline.rules.RuleDocumentCheck;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scoreline mapping validate FILE}: exit 0 when valid, 1 with every problem as FILE:LINE:COL (with
 * {@code --json}, one JSON line per problem on stdout, for editors and CI). No database unless
 * {@code --integration} names the catalog to check against. */
@Command(
        name = "validate",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline mapping validate mappings/salesforce.yaml",
            "  scoreline mapping validate rules.yaml --provider hubspot",
            "  scoreline mapping validate rules.yaml --integration 1",
            "  scoreline mapping validate rules.yaml --catalog catalog.json",
            "  scoreline mapping validate rules.yaml --json"
        },
        description = "Check a rule document; prints every problem as FILE:LINE:COL: message"
                + " (--json: one {file,line,column,severity,message} line per problem on stdout).")
final class MappingValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "Rule document (YAML)")
    Path file;

    @Option(names = "--provider", description = "salesforce or hubspot (default: the document's provider line)")
    String provider;

    @Mixin
    CatalogChoice catalog;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var expected = Optional.ofNullable(provider).map(ChoiceOption::provider);
        var document = RuleDocumentFile.read(file);
        // No database unless --integration, so no context: the use case has no dependencies.
        var against = catalog.resolve(spec, common);
        var result = against.map(c -> new RuleDocumentCheck().validate(document.text(), c))
                .orElseGet(() -> new RuleDocumentCheck().validate(document.text(), expected));
        boolean valid = result instanceof CompileResult.Compiled;
        if (common.json()) {
            // Only the problems, so a program reads every line as one; the exit code says valid or not.
            var output = new CliOutput(spec.commandLine().getOut(), true);
            document.lines(result.problems()).forEach(output::jsonLine);
            return valid ? 0 : CliErrorHandler.FAILURE;
        }
        document.report(spec.commandLine().getErr(), result.problems());
        if (result instanceof CompileResult.Compiled compiled) {
            spec.commandLine()
                    .getOut()
                    .println(file + ": valid (" + compiled.ruleSet().provider().key() + ", "
                            + compiled.ruleSet().rules().size() + " KPI rules)");
            spec.commandLine().getOut().flush();
            return 0;
        }
        return CliErrorHandler.FAILURE;
    }
}
