package io.scoreline.mappings.pushdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.FieldDef;
import io.scoreline.mappings.FieldType;
import io.scoreline.mappings.MappingCompiler;
import io.scoreline.mappings.MappingRecord;
import io.scoreline.mappings.ObjectSchema;
import io.scoreline.mappings.Provider;
import io.scoreline.mappings.RuleSet;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generates random rules and records and checks the push-down promise: every record the exact
 * evaluator matches is also selected by the SOQL clause and by the HubSpot filter groups, as
 * the CRMs apply them (see the interpreters).
 */
class PushDownPropertyTest {

    private static final Map<String, FieldType> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("Type", FieldType.STRING);
        FIELDS.put("Subject", FieldType.STRING);
        FIELDS.put("CallDurationInSeconds", FieldType.NUMBER);
        FIELDS.put("IsClosed", FieldType.BOOLEAN);
        FIELDS.put("ActivityDate", FieldType.DATE);
        FIELDS.put("CompletedDateTime", FieldType.DATETIME);
    }

    private static final List<String> WORDS = List.of("a", "A", "b", "ab", "a%b", "a_b", "axb", "Call", "call", "o'k");
    private static final List<String> NUMBERS = List.of("0", "1", "2", "1.5", "-1");
    private static final List<LocalDate> DATES = List.of(LocalDate.of(2024, 5, 16), LocalDate.of(2024, 5, 17),
            LocalDate.of(2024, 5, 18));
    private static final List<Instant> INSTANTS = List.of(Instant.parse("2024-05-17T09:00:00Z"),
            Instant.parse("2024-05-17T10:00:00Z"), Instant.parse("2024-05-17T11:00:00Z"));
    private static final List<String> PATTERNS = List.of("a%", "%b", "a_b", "a\\\\_b", "%", "A%B", "%\\\\%%", "o\\'%");

    private final Random random = new Random(20240517);

    @Test
    void pushDownSelectsEveryRecordTheEvaluatorMatches() {
        int soqlPushed = 0;
        int hubSpotPushed = 0;
        int matched = 0;
        var soql = new SoqlWhereCompiler();
        var hubSpot = new HubSpotFilterCompiler(new HubSpotFilterLimits(8, 10, 40));
        for (int round = 0; round < 400; round++) {
            var document = randomDocument();
            var salesforceRules = compile(document, Provider.SALESFORCE);
            var hubSpotRules = compile(document, Provider.HUBSPOT);
            var where = soql.compile(salesforceRules, "Task");
            var groups = hubSpot.compile(hubSpotRules, "Task");
            soqlPushed += where instanceof PushDown.Pushable ? 1 : 0;
            hubSpotPushed += groups instanceof PushDown.Pushable ? 1 : 0;
            for (int i = 0; i < 30; i++) {
                var typed = randomTypedRecord();
                var salesforceRecord = new MappingRecord("Task", "r" + i, salesforceJson(typed));
                var hubSpotRecord = new MappingRecord("Task", "r" + i, new HashMap<>(hubSpotStrings(typed)));
                boolean salesforceMatch = salesforceRules.rules().stream().anyMatch(r -> r.matches(salesforceRecord));
                boolean hubSpotMatch = hubSpotRules.rules().stream().anyMatch(r -> r.matches(hubSpotRecord));
                assertThat(hubSpotMatch).as("both providers read %s alike under %s", typed, document).isEqualTo(salesforceMatch);
                if (!salesforceMatch) {
                    continue;
                }
                matched++;
                if (where instanceof PushDown.Pushable<String> pushable) {
                    assertThat(SoqlWhereInterpreter.selects(pushable.filter(), typed))
                            .as("SOQL %s selects %s matched by\n%s", pushable.filter(), typed, document).isTrue();
                }
                if (groups instanceof PushDown.Pushable<List<HubSpotFilterGroup>> pushable) {
                    assertThat(HubSpotFilterInterpreter.selects(pushable.filter(), hubSpotStrings(typed), FIELDS))
                            .as("filterGroups %s select %s matched by\n%s", pushable.filter(), typed, document).isTrue();
                }
            }
        }
        assertThat(matched).as("records matched").isGreaterThan(1_000);
        assertThat(soqlPushed).as("rule sets pushed to SOQL").isGreaterThan(200);
        assertThat(hubSpotPushed).as("rule sets pushed to HubSpot").isGreaterThan(100);
    }

    static RuleSet compile(String document, Provider provider) {
        var fields = FIELDS.entrySet().stream().map(e -> new FieldDef(e.getKey(), e.getValue())).toList();
        var schema = ObjectSchema.of("Task", "OwnerId", "CreatedDate", fields)
                .withField(new FieldDef("OwnerId", FieldType.STRING)).withField(new FieldDef("CreatedDate", FieldType.DATETIME));
        var result = MappingCompiler.compile(document, FieldCatalog.empty(provider).withObject(schema));
        assertThat(result.problems()).as(document).filteredOn(p -> p.severity() == io.scoreline.mappings.Problem.Severity.ERROR).isEmpty();
        return ((CompileResult.Compiled) result).ruleSet();
    }

    private String randomDocument() {
        var document = new StringBuilder("kpis:\n");
        for (int k = 0, n = 1 + random.nextInt(3); k < n; k++) {
            var when = condition(random.nextInt(4));
            document.append("  k").append(k).append(":\n    object: Task\n    when: \"")
                    .append(when.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n");
        }
        return document.toString();
    }

    private String condition(int depth) {
        if (depth == 0 || random.nextInt(10) < 4) {
            return atom();
        }
        return switch (random.nextInt(3)) {
            case 0 -> "(" + condition(depth - 1) + " AND " + condition(depth - 1) + ")";
            case 1 -> "(" + condition(depth - 1) + " OR " + condition(depth - 1) + ")";
            default -> "NOT (" + condition(depth - 1) + ")";
        };
    }

    private String atom() {
        var names = List.copyOf(FIELDS.keySet());
        var field = names.get(random.nextInt(names.size()));
        var type = FIELDS.get(field);
        return switch (random.nextInt(8)) {
            case 0 -> field + (random.nextBoolean() ? " IS NULL" : " IS NOT NULL");
            case 1 -> field + (random.nextBoolean() ? " = null" : " != null");
            case 2 -> type == FieldType.BOOLEAN ? field : field + (random.nextBoolean() ? " IN (" : " NOT IN (")
                    + literal(type) + ", " + (random.nextInt(4) == 0 ? "null" : literal(type)) + ")";
            case 3 -> type == FieldType.STRING ? field + (random.nextBoolean() ? " LIKE '" : " NOT LIKE '")
                    + PATTERNS.get(random.nextInt(PATTERNS.size())) + "'" : comparison(field, type);
            case 4 -> type == FieldType.NUMBER ? field + " * 2 > " + literal(type) : comparison(field, type);
            case 5 -> type == FieldType.BOOLEAN ? "NOT " + field : literal(type) + " " + operator(type) + " " + field;
            default -> comparison(field, type);
        };
    }

    private String comparison(String field, FieldType type) {
        return field + " " + operator(type) + " " + literal(type);
    }

    private String operator(FieldType type) {
        var operators = type == FieldType.BOOLEAN ? List.of("=", "!=", "<>") : List.of("=", "!=", "<>", "<", "<=", ">", ">=");
        return operators.get(random.nextInt(operators.size()));
    }

    private String literal(FieldType type) {
        return switch (type) {
            case STRING -> "'" + WORDS.get(random.nextInt(WORDS.size())).replace("'", "\\'") + "'";
            case NUMBER -> NUMBERS.get(random.nextInt(NUMBERS.size()));
            case BOOLEAN -> String.valueOf(random.nextBoolean());
            case DATE -> DATES.get(random.nextInt(DATES.size())).toString();
            case DATETIME -> INSTANTS.get(random.nextInt(INSTANTS.size())).toString();
        };
    }

    private Map<String, Object> randomTypedRecord() {
        var record = new HashMap<String, Object>();
        FIELDS.forEach((field, type) -> record.put(field, random.nextInt(5) == 0 ? null : value(type)));
        return record;
    }

    private Object value(FieldType type) {
        return switch (type) {
            case STRING -> WORDS.get(random.nextInt(WORDS.size()));
            case NUMBER -> new BigDecimal(NUMBERS.get(random.nextInt(NUMBERS.size())));
            case BOOLEAN -> random.nextBoolean();
            case DATE -> DATES.get(random.nextInt(DATES.size()));
            case DATETIME -> INSTANTS.get(random.nextInt(INSTANTS.size()));
        };
    }

    /** The record as Salesforce's JSON gives it: numbers as numbers, datetimes with a +0000 offset. */
    private static Map<String, Object> salesforceJson(Map<String, Object> typed) {
        var json = new HashMap<String, Object>();
        typed.forEach((field, value) -> json.put(field, switch (value) {
            case null -> null;
            case BigDecimal d -> d.scale() == 0 ? (Object) d.intValue() : (Object) d.doubleValue();
            case LocalDate d -> d.toString();
            case Instant i -> i.toString().replace("Z", ".000+0000");
            default -> value;
        }));
        return json;
    }

    /** The record as HubSpot gives it: every property a string, dates and datetimes as epoch millis. */
    private static Map<String, String> hubSpotStrings(Map<String, Object> typed) {
        var properties = new HashMap<String, String>();
        typed.forEach((field, value) -> {
            if (value != null) {
                properties.put(field, switch (value) {
                    case BigDecimal d -> d.toPlainString();
                    case LocalDate d -> String.valueOf(d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
                    case Instant i -> String.valueOf(i.toEpochMilli());
                    default -> value.toString();
                });
            }
        });
        return properties;
    }
}
