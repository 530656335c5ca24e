package io.scoreline.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random rule documents and records over one object ({@code Task}) with a field of every type,
 * for property-based tests. The same document compiles for both providers; records come as
 * typed values and as each CRM's JSON would carry them.
 */
public final class RandomRules {

    public static final Map<String, FieldType> FIELDS = new LinkedHashMap<>();

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
    private static final List<LocalDate> DATES =
            List.of(LocalDate.of(2024, 5, 16), LocalDate.of(2024, 5, 17), LocalDate.of(2024, 5, 18));
    private static final List<Instant> INSTANTS = List.of(
            Instant.parse("2024-05-17T09:00:00Z"),
            Instant.parse("2024-05-17T10:00:00Z"),
            Instant.parse("2024-05-17T10:00:00.500Z"),
            Instant.parse("2024-05-17T10:00:00.000300Z"),
            Instant.parse("2024-05-17T11:00:00Z"));
    private static final List<String> PATTERNS = List.of("a%", "%b", "a_b", "a\\\\_b", "%", "A%B", "%\\\\%%", "o\\'%");

    private static final List<String> VALUES = List.of(
            "CallDurationInSeconds - (1 - 2)",
            "-(CallDurationInSeconds + 1) * 2",
            "CallDurationInSeconds / (2 * 3)",
            "COALESCE(CallDurationInSeconds, -1.5)",
            "ABS(CallDurationInSeconds - 10) / 4",
            "ROUND(CallDurationInSeconds / 3, 2)",
            "1 - 2 - CallDurationInSeconds",
            "1 - (2 - CallDurationInSeconds)",
            "10 / CallDurationInSeconds");

    private static final java.time.format.DateTimeFormatter SALESFORCE_DATETIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
                    .withZone(ZoneOffset.UTC);

    private final Random random;

    public RandomRules(long seed) {
        this.random = new Random(seed);
    }

    public static RuleSet compile(String document, CrmProvider provider) {
        var fields = FIELDS.entrySet().stream()
                .map(e -> new FieldDef(e.getKey(), e.getValue()))
                .toList();
        var schema = ObjectSchema.of("Task", "OwnerId", "CreatedDate", fields)
                .withField(new FieldDef("OwnerId", FieldType.STRING))
                .withField(new FieldDef("CreatedDate", FieldType.DATETIME));
        var result =
                MappingCompiler.compile(document, FieldCatalog.empty(provider).withObject(schema));
        assertThat(result.problems())
                .as(document)
                .filteredOn(p -> p.severity() == Problem.Severity.ERROR)
                .isEmpty();
        return ((CompileResult.Compiled) result).ruleSet();
    }

    public String document() {
        var document = new StringBuilder("kpis:\n");
        for (int k = 0, n = 1 + random.nextInt(3); k < n; k++) {
            var when = condition(random.nextInt(4));
            document.append("  k")
                    .append(k)
                    .append(":\n    object: Task\n    when: \"")
                    .append(when.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append("\"\n");
            if (random.nextInt(3) == 0) {
                document.append("    value: ")
                        .append(VALUES.get(random.nextInt(VALUES.size())))
                        .append("\n");
            }
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
            case 2 ->
                field + (random.nextBoolean() ? " IN (" : " NOT IN (") + literal(type) + ", "
                        + (random.nextInt(4) == 0 ? "null" : literal(type)) + ")";
            case 3 ->
                type == FieldType.STRING
                        ? field + (random.nextBoolean() ? " LIKE '" : " NOT LIKE '")
                                + PATTERNS.get(random.nextInt(PATTERNS.size())) + "'"
                        : comparison(field, type);
            case 4 -> type == FieldType.NUMBER ? field + " * 2 > " + literal(type) : comparison(field, type);
            case 5 -> type == FieldType.BOOLEAN ? "NOT " + field : literal(type) + " " + operator(type) + " " + field;
            default -> comparison(field, type);
        };
    }

    private String comparison(String field, FieldType type) {
        return field + " " + operator(type) + " " + literal(type);
    }

    private String operator(FieldType type) {
        var operators =
                type == FieldType.BOOLEAN ? List.of("=", "!=", "<>") : List.of("=", "!=", "<>", "<", "<=", ">", ">=");
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

    public Map<String, Object> typedRecord() {
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
            // Both CRMs store milliseconds; finer literals exist only in rules.
            case DATETIME ->
                INSTANTS.get(random.nextInt(INSTANTS.size())).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        };
    }

    /** The record as Salesforce's JSON gives it: numbers as numbers, datetimes with a +0000 offset. */
    public static Map<String, Object> salesforceJson(Map<String, Object> typed) {
        var json = new HashMap<String, Object>();
        typed.forEach((field, value) -> json.put(
                field,
                switch (value) {
                    case null -> null;
                    case BigDecimal d -> d.scale() == 0 ? (Object) d.intValue() : (Object) d.doubleValue();
                    case LocalDate d -> d.toString();
                    case Instant i -> SALESFORCE_DATETIME.format(i);
                    default -> value;
                }));
        return json;
    }

    /** The record as HubSpot gives it: every property a string, dates and datetimes as epoch millis. */
    public static Map<String, String> hubSpotStrings(Map<String, Object> typed) {
        var properties = new HashMap<String, String>();
        typed.forEach((field, value) -> {
            if (value != null) {
                properties.put(
                        field,
                        switch (value) {
                            case BigDecimal d -> d.toPlainString();
                            case LocalDate d ->
                                String.valueOf(d.atStartOfDay(ZoneOffset.UTC)
                                        .toInstant()
                                        .toEpochMilli());
                            case Instant i -> String.valueOf(i.toEpochMilli());
                            default -> value.toString();
                        });
            }
        });
        return properties;
    }
}
