package io.scoreline.app.cli;

import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.Provider;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scoreline mapping validate FILE}: exit 0 when valid, 1 with every problem as FILE:LINE:COL. No database. */
@Command(name = "validate",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline mapping validate mappings/salesforce.yaml",
                "  scoreline mapping validate rules.yaml --provider hubspot"},
        description = "Check a rule document; prints every problem as FILE:LINE:COL: message.")
final class MappingValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "Rule document (YAML)")
    Path file;

    @Option(names = "--provider", description = "salesforce or hubspot (default: the document's provider line)")
    String provider;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var document = RuleDocumentFile.read(file, Optional.ofNullable(provider).map(ChoiceOption::ruleProvider));
        boolean valid = document.report(spec.commandLine().getErr());
        if (valid) {
            var compiled = (CompileResult.Compiled) document.result();
            spec.commandLine().getOut().println(file + ": valid (" + compiled.ruleSet().provider().key() + ", "
                    + compiled.ruleSet().rules().size() + " KPI rules)");
            spec.commandLine().getOut().flush();
        }
        return valid ? 0 : CliErrorHandler.FAILURE;
    }
}
