package io.scoreline.app.cli.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.scoreline.app.cli.ChoiceOption;
import io.scoreline.app.cli.CliErrorHandler;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.CommonOptions;
import io.scoreline.app.cli.FactJson;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CompileResult;
import io.scoreline.pipeline.rules.RuleDocumentCheck;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scoreline mapping test}: the facts a rule document derives from records given as the
 * CRM's API returns them, one JSON line per fact. Needs no database unless {@code --integration} names
 * the catalog to check against.
 */
@Command(
        name = "test",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline mapping test --rules mappings/hubspot.yaml --records deals.jsonl --timezone Europe/Berlin",
            "  scoreline mapping test --rules mappings/hubspot.yaml --records calls.jsonl --object calls --json",
            "  scoreline mapping test --rules rules.yaml --records tasks.jsonl --catalog catalog.json"
        },
        description = "Print the facts rules derive from JSONL records (one JSON line per fact).")
final class MappingTestCommand implements Callable<Integer> {

    @Option(names = "--rules", required = true, paramLabel = "FILE", description = "Rule document")
    Path rules;

    @Option(names = "--records", required = true, paramLabel = "FILE.jsonl", description = "One API record per line")
    Path records;

    @Option(
            names = "--timezone",
            defaultValue = "UTC",
            paramLabel = "TZ",
            description = "Organization time zone (default: ${DEFAULT-VALUE})")
    String timezone;

    @Option(names = "--provider", description = "salesforce or hubspot (default: the document's provider line)")
    String provider;

    @Option(
            names = "--object",
            paramLabel = "TYPE",
            description = "HubSpot object type of lines without an objectType member")
    String objectType;

    @Mixin
    CatalogChoice catalog;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var zone = zone(timezone);
        var expected = Optional.ofNullable(provider).map(ChoiceOption::provider);
        var document = RuleDocumentFile.read(rules);
        var err = spec.commandLine().getErr();
        // No database unless --integration, so no context: the use case has no dependencies.
        var check = new RuleDocumentCheck();
        var against = catalog.resolve(spec, common);
        var result = against.map(c -> check.validate(document.text(), c))
                .orElseGet(() -> check.validate(document.text(), expected));
        document.report(err, result.problems());
        if (!(result instanceof CompileResult.Compiled compiled)) {
            return CliErrorHandler.FAILURE;
        }
        var out = spec.commandLine().getOut();
        int badLines = 0;
        try (BufferedReader reader = Files.newBufferedReader(records, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    var object = CliOutput.JSON.readValue(line, new TypeReference<Map<String, Object>>() {});
                    var facts = check.tryOn(compiled.ruleSet(), object, Optional.ofNullable(objectType), zone);
                    facts.warnings()
                            .forEach(w -> err.println(records + ":" + facts.recordId() + ": warning: " + w.format()));
                    facts.facts().forEach(fact -> out.println(FactJson.line(fact)));
                } catch (JsonProcessingException e) {
                    badLines++;
                    err.println(records + ":" + lineNumber + ": not a JSON object: " + e.getOriginalMessage());
                } catch (IllegalArgumentException e) {
                    badLines++;
                    err.println(records + ":" + lineNumber + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new ScorelineException(FailureKind.BAD_INPUT, "cannot read " + records + ": " + e.getMessage());
        }
        out.flush();
        err.flush();
        return badLines == 0 ? 0 : CliErrorHandler.FAILURE;
    }

    private static ZoneId zone(String value) {
        try {
            if (ZoneId.getAvailableZoneIds().contains(value) || "UTC".equals(value)) {
                return ZoneId.of(value);
            }
        } catch (DateTimeException e) {
            // reported below
        }
        throw ScorelineException.badInput(
                "invalid timezone '" + value + "': use an IANA time zone such as Europe/Berlin");
    }
}
