package io.scoreline.mappings.pushdown;

import io.scoreline.mappings.FieldType;
import io.scoreline.mappings.KpiRule;
import io.scoreline.mappings.RuleSet;
import io.scoreline.mappings.ast.ComparisonOperator;
import io.scoreline.mappings.ast.Condition;
import io.scoreline.mappings.ast.ExpressionText;
import io.scoreline.mappings.ast.Operand;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Compiles the rules on one Salesforce object into a SOQL {@code WHERE} clause that selects at
 * least every record some rule matches. Where SOQL's null handling may differ from the rule
 * language's ({@code !=}, {@code NOT IN}, {@code NOT LIKE}, false booleans) the clause adds
 * {@code OR F = null}; atoms SOQL cannot express (arithmetic, field-to-field comparisons,
 * string ordering) are widened rather than guessed at. String literals are escaped and field
 * names validated, so no rule text reaches the query unchecked.
 */
public final class SoqlWhereCompiler {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*");
    private static final DateTimeFormatter SOQL_DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final int maxClauseLength;

    /** @param maxClauseLength longer clauses are not pushed (SOQL limits the whole query's length) */
    public SoqlWhereCompiler(int maxClauseLength) {
        this.maxClauseLength = maxClauseLength;
    }

    public SoqlWhereCompiler() {
        this(4_000);
    }

    public PushDown<String> compile(RuleSet ruleSet, String objectType) {
        var rules = ruleSet.rulesFor(objectType);
        if (rules.isEmpty()) {
            return new PushDown.NotPushable<>("no rule reads " + objectType);
        }
        var alternatives = new ArrayList<String>();
        for (KpiRule rule : rules) {
            if (rule.definition().when().isEmpty()) {
                return new PushDown.MatchAll<>();
            }
            var condition = NegationNormalForm.of(rule.definition().when().get());
            Optional<String> invalid = invalidIdentifier(condition);
            if (invalid.isPresent()) {
                return new PushDown.NotPushable<>("field " + invalid.get() + " is not a valid SOQL identifier");
            }
            var clause = clause(condition);
            if (clause.isEmpty()) {
                return new PushDown.MatchAll<>();
            }
            alternatives.add(clause.get().text());
        }
        var where = alternatives.size() == 1
                ? alternatives.getFirst()
                : alternatives.stream().distinct().map(a -> "(" + a + ")").collect(Collectors.joining(" OR "));
        if (where.length() > maxClauseLength) {
            return new PushDown.NotPushable<>(
                    "WHERE clause would be " + where.length() + " characters (limit " + maxClauseLength + ")");
        }
        return new PushDown.Pushable<>(where);
    }

    /** A clause and whether it is a top-level OR (which needs parentheses inside an AND). */
    private record Clause(String text, boolean disjunction) {

        static Clause atom(String text) {
            return new Clause(text, false);
        }

        String asConjunct() {
            return disjunction ? "(" + text + ")" : text;
        }
    }

    /** The clause, or empty for "true" (no restriction). */
    private Optional<Clause> clause(Condition condition) {
        return switch (condition) {
            case Condition.And and -> {
                var terms = and.terms().stream()
                        .map(this::clause)
                        .flatMap(Optional::stream)
                        .map(Clause::asConjunct)
                        .toList();
                yield terms.isEmpty() ? Optional.empty() : Optional.of(Clause.atom(String.join(" AND ", terms)));
            }
            case Condition.Or or -> {
                var terms = new ArrayList<String>();
                for (var term : or.terms()) {
                    var clause = clause(term);
                    if (clause.isEmpty()) {
                        yield Optional.empty();
                    }
                    terms.add(clause.get().text());
                }
                yield Optional.of(new Clause(String.join(" OR ", terms), terms.size() > 1));
            }
            case Condition.Not not -> throw new IllegalStateException("negation left after normalization");
            case Condition.Comparison comparison ->
                FieldComparison.of(comparison).flatMap(this::comparison).map(Clause::atom);
            // Boolean lists (null counts as false) and fractional-second datetimes are rare enough to widen.
            case Condition.InList in ->
                in.operand() instanceof Operand.FieldRef field
                                && field.type() != FieldType.BOOLEAN
                                && in.values().stream()
                                        .allMatch(v -> CoarseInstant.of(v, ChronoUnit.SECONDS)
                                                .isEmpty())
                        ? Optional.of(Clause.atom(in(field, in)))
                        : Optional.empty();
            case Condition.Like like ->
                like.operand() instanceof Operand.FieldRef field
                        ? Optional.of(Clause.atom(
                                like.negated()
                                        ? "(NOT " + field.path() + " LIKE "
                                                + like.pattern().toSoqlLiteral() + " OR " + field.path() + " = null)"
                                        : field.path() + " LIKE "
                                                + like.pattern().toSoqlLiteral()))
                        : Optional.empty();
            case Condition.NullCheck check ->
                check.operand() instanceof Operand.FieldRef field
                        ? Optional.of(Clause.atom(field.path() + (check.negated() ? " != null" : " = null")))
                        : Optional.empty();
            case Condition.BooleanField field ->
                Optional.of(Clause.atom(field.field().path() + " = true"));
        };
    }

    private Optional<String> comparison(FieldComparison c) {
        var name = c.field().path();
        var literal = literal(c.literal());
        if (c.field().type() == FieldType.BOOLEAN) {
            boolean wantsTrue =
                    (c.operator() == ComparisonOperator.EQ) == ((Operand.BooleanLiteral) c.literal()).value();
            return Optional.of(wantsTrue ? name + " = true" : "(" + name + " = false OR " + name + " = null)");
        }
        var coarse = CoarseInstant.of(c.literal(), ChronoUnit.SECONDS);
        if (coarse.isPresent()) {
            return coarse(name, c.operator(), coarse.get());
        }
        return switch (c.operator()) {
            case EQ -> Optional.of(name + " = " + literal);
            case NE -> Optional.of("(" + name + " != " + literal + " OR " + name + " = null)");
            // SOQL's string collation need not match the rule language's case-insensitive order.
            default ->
                c.field().type() == FieldType.STRING
                        ? Optional.of(name + " != null")
                        : Optional.of(name + " " + c.operator().symbol() + " " + literal);
        };
    }

    /** SOQL datetimes have no fractions of a second: compare with the whole seconds around the literal. */
    private static Optional<String> coarse(String name, ComparisonOperator operator, CoarseInstant bounds) {
        var floor = SOQL_DATETIME.format(bounds.floor());
        var ceiling = SOQL_DATETIME.format(bounds.ceiling());
        return switch (operator) {
            case EQ -> Optional.of(name + " >= " + floor + " AND " + name + " <= " + ceiling);
            case NE -> Optional.empty();
            case LT, LE -> Optional.of(name + " <= " + ceiling);
            case GT, GE -> Optional.of(name + " >= " + floor);
        };
    }

    private static String in(Operand.FieldRef field, Condition.InList in) {
        var values = in.values().stream()
                .filter(v -> !(v instanceof Operand.NullLiteral))
                .map(SoqlWhereCompiler::literal)
                .toList();
        boolean listsNull = in.values().stream().anyMatch(v -> v instanceof Operand.NullLiteral);
        var name = field.path();
        if (in.negated()) {
            var clause = values.isEmpty() ? name + " != null" : name + " NOT IN (" + String.join(", ", values) + ")";
            return listsNull ? clause : "(" + clause + " OR " + name + " = null)";
        }
        if (values.isEmpty()) {
            return name + " = null";
        }
        var clause = name + " IN (" + String.join(", ", values) + ")";
        return listsNull ? "(" + clause + " OR " + name + " = null)" : clause;
    }

    static String literal(Operand.Literal literal) {
        return switch (literal) {
            case Operand.StringLiteral s -> ExpressionText.quote(s.value());
            case Operand.NumberLiteral n -> n.value().toPlainString();
            case Operand.BooleanLiteral b -> String.valueOf(b.value());
            case Operand.DateLiteral d -> d.value().toString();
            case Operand.DateTimeLiteral d -> SOQL_DATETIME.format(d.value());
            case Operand.NullLiteral n -> "null";
        };
    }

    private static Optional<String> invalidIdentifier(Condition condition) {
        return io.scoreline.mappings.ast.FieldRefs.of(condition).stream()
                .filter(path -> !IDENTIFIER.matcher(path).matches())
                .findFirst();
    }
}
