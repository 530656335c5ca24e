package io.scoreline.mappings.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.Fact;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.HubSpotObjectReader;
import io.scoreline.mappings.MappingCompiler;
import io.scoreline.mappings.MappingRecord;
import io.scoreline.mappings.SalesforceRowReader;
import io.scoreline.mappings.StockTemplates;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Records in, facts out: every case under {@code mappings/golden} (format: {@link GoldenCase}). */
class GoldenTest {

    private static final Path GOLDEN = Path.of("mappings", "golden");

    /** Jackson's defaults (Integer/Long, Double), so that golden records reach the rules in the shapes production gives them. */
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<GoldenCase> cases() throws IOException {
        try (var files = Files.list(GOLDEN)) {
            var cases = new ArrayList<GoldenCase>();
            for (var file :
                    files.filter(f -> f.toString().endsWith(".golden")).sorted().toList()) {
                cases.add(GoldenCase.read(file));
            }
            return cases.stream();
        }
    }

    @Test
    void thereAreAtLeastFortyCases() throws IOException {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void recordsGiveExactlyTheExpectedFacts(GoldenCase golden) {
        var provider = CrmProvider.fromKey(golden.headers().get("provider"));
        var zone = ZoneId.of(golden.headers().getOrDefault("timezone", "UTC"));
        var document = "stock".equals(golden.headers().get("rules"))
                ? StockTemplates.text(provider)
                : String.join("\n", golden.section("rules")) + "\n";
        var result = MappingCompiler.compile(document, FieldCatalog.stock(provider));
        assertThat(result)
                .as("rules of %s compile: %s", golden, result.problems())
                .isInstanceOf(CompileResult.Compiled.class);
        var rules = ((CompileResult.Compiled) result).ruleSet();

        var facts = new ArrayList<String>();
        var warnings = new ArrayList<String>();
        for (var line : golden.section("records")) {
            var record = record(
                    provider, object(line), Optional.ofNullable(golden.headers().get("object")));
            rules.evaluate(record, zone, w -> warnings.add(w.format())).forEach(f -> facts.add(describe(f)));
        }

        assertThat(facts)
                .as("facts")
                .containsExactlyElementsOf(golden.section("facts").stream()
                        .map(GoldenTest::describe)
                        .toList());
        assertThat(warnings).as("warnings").containsExactlyElementsOf(golden.section("warnings"));
    }

    private static MappingRecord record(CrmProvider provider, Map<String, Object> json, Optional<String> objectType) {
        return switch (provider) {
            case SALESFORCE -> SalesforceRowReader.toMappingRecord(json);
            case HUBSPOT -> HubSpotObjectReader.toMappingRecord(json, objectType);
        };
    }

    private static String describe(Fact fact) {
        return String.join(
                " | ",
                fact.kpi(),
                fact.objectType(),
                fact.recordId(),
                Objects.toString(fact.owner()),
                fact.date().toString(),
                fact.value().toPlainString());
    }

    private static String describe(String expectedJson) {
        var fact = object(expectedJson);
        var value = new BigDecimal(fact.get("value").toString()).stripTrailingZeros();
        return String.join(
                " | ",
                (String) fact.get("kpi"),
                (String) fact.get("object"),
                (String) fact.get("record_id"),
                Objects.toString(fact.get("owner")),
                (String) fact.get("date"),
                (value.scale() < 0 ? value.setScale(0) : value).toPlainString());
    }

    private static Map<String, Object> object(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object: " + json, e);
        }
    }
}
