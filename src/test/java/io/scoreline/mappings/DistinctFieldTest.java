package io.scoreline.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.mappings.ast.KpiDefinition;
import io.scoreline.mappings.ast.Operand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A rule's {@code distinct:} field (ADR 0042) travels on its facts; a rule without one adds nothing. */
class DistinctFieldTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void theDistinctFieldsValueIsOnEachFactAndAnEmptyOneIsNone() throws IOException {
        var stock = callsMade();
        var d = stock.definition();
        var marked = new KpiRule(new KpiDefinition(
                d.key(),
                d.objectType(),
                d.when(),
                d.value(),
                d.owner(),
                d.date(),
                d.kind(),
                Optional.of(new Operand.FieldRef("WhatId", FieldType.STRING)),
                d.line()));

        assertThat(marked.fieldsRead()).contains("WhatId");
        assertThat(one(marked, "001A").distinctValue()).isEqualTo("001A");
        assertThat(one(marked, "  ").distinctValue()).isNull();
        assertThat(one(marked, null).distinctValue()).isNull();
        assertThat(one(stock, "001A").distinctValue()).isNull();
        assertThat(stock.fieldsRead()).doesNotContain("WhatId");
    }

    private static Fact one(KpiRule rule, String whatId) {
        var fields = new HashMap<String, Object>();
        fields.put("TaskSubtype", "Call");
        fields.put("CreatedDate", "2026-12-01T10:00:00Z");
        fields.put("OwnerId", "005A");
        fields.put("WhatId", whatId);
        return rule.evaluate(new MappingRecord("Task", "00T1", fields), BERLIN, w -> {})
                .orElseThrow();
    }

    private static KpiRule callsMade() throws IOException {
        var compiled = (CompileResult.Compiled) MappingCompiler.compile(
                Files.readString(Path.of("mappings/salesforce.yaml")), FieldCatalog.stock(CrmProvider.SALESFORCE));
        return compiled.ruleSet().rules().stream()
                .filter(r -> r.key().equals("calls_made"))
                .findFirst()
                .orElseThrow();
    }
}
