package io.scoreline.sim.salesforce.soql;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Evaluates WHERE conditions and ORDER BY terms with SOQL's null rules: {@code = null} tests for
 * null, {@code !=}/{@code NOT IN}/{@code NOT LIKE} are true for a null field, every other comparison
 * with a null field is false. Text compares case-insensitively. Relative dates use {@code zone}.
 */
public final class SoqlEvaluator {

    private final Clock clock;
    private final ZoneId zone;

    public SoqlEvaluator(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public boolean matches(Condition condition, RecordView row) {
        return switch (condition) {
            case Condition.And and -> and.terms().stream().allMatch(term -> matches(term, row));
            case Condition.Or or -> or.terms().stream().anyMatch(term -> matches(term, row));
            case Condition.Not not -> !matches(not.term(), row);
            case Condition.Comparison comparison ->
                compare(row.value(comparison.field()), comparison.operator(), comparison.value());
            case Condition.In in ->
                in.negated()
                        != in.values().stream()
                                .anyMatch(value -> compare(row.value(in.field()), Condition.Operator.EQ, value));
            case Condition.Like like -> like(row.value(like.field()), like);
        };
    }

    public Comparator<RecordView> ordering(List<SoqlQuery.OrderItem> items) {
        Comparator<RecordView> ordering = (_, _) -> 0;
        for (SoqlQuery.OrderItem item : items) {
            Comparator<RecordView> term = (a, b) -> {
                Object left = a.value(item.field());
                Object right = b.value(item.field());
                if (left == null || right == null) {
                    int nulls = left == null ? (right == null ? 0 : -1) : 1;
                    return item.nullsLast() ? -nulls : nulls;
                }
                int order = compareValues(left, right);
                return item.descending() ? -order : order;
            };
            ordering = ordering.thenComparing(term);
        }
        return ordering;
    }

    private boolean compare(Object field, Condition.Operator operator, Literal literal) {
        if (literal instanceof Literal.Null) {
            return switch (operator) {
                case EQ -> field == null;
                case NE -> field != null;
                case LT, LE, GT, GE -> false;
            };
        }
        if (field == null) {
            return operator == Condition.Operator.NE;
        }
        if (literal instanceof Literal.RelativeDate relative) {
            return inRange(field, operator, DateRange.of(relative, LocalDate.now(clock.withZone(zone))));
        }
        int order = compareValues(field, literalValue(literal, field));
        return switch (operator) {
            case EQ -> order == 0;
            case NE -> order != 0;
            case LT -> order < 0;
            case LE -> order <= 0;
            case GT -> order > 0;
            case GE -> order >= 0;
        };
    }

    private boolean inRange(Object field, Condition.Operator operator, DateRange range) {
        Comparable<Object> value = comparable(field);
        Object from = field instanceof LocalDate ? range.from() : range.fromInstant(zone);
        Object until = field instanceof LocalDate ? range.until() : range.untilInstant(zone);
        boolean afterStart = value.compareTo(from) >= 0;
        boolean beforeEnd = value.compareTo(until) < 0;
        return switch (operator) {
            case EQ -> afterStart && beforeEnd;
            case NE -> !(afterStart && beforeEnd);
            case LT -> !afterStart;
            case LE -> beforeEnd;
            case GT -> !beforeEnd;
            case GE -> afterStart;
        };
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> comparable(Object field) {
        return (Comparable<Object>) field;
    }

    /** The literal as a Java value of the field's type. */
    private Object literalValue(Literal literal, Object field) {
        return switch (literal) {
            case Literal.Text text -> text.value();
            case Literal.Number number -> number.value();
            case Literal.Bool bool -> bool.value();
            case Literal.Date date ->
                field instanceof Instant ? date.value().atStartOfDay(zone).toInstant() : date.value();
            case Literal.DateTime dateTime ->
                field instanceof LocalDate ? dateTime.value().atZone(zone).toLocalDate() : dateTime.value();
            case Literal.Null n -> throw new IllegalStateException("null handled by the caller");
            case Literal.RelativeDate r -> throw new IllegalStateException("relative dates handled by the caller");
        };
    }

    static int compareValues(Object left, Object right) {
        if (left instanceof Number a && right instanceof Number b) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
        }
        if (left instanceof String a && right instanceof String b) {
            return a.compareToIgnoreCase(b);
        }
        if (left instanceof Boolean a && right instanceof Boolean b) {
            return Boolean.compare(a, b);
        }
        if (left instanceof Instant a && right instanceof Instant b) {
            return a.compareTo(b);
        }
        if (left instanceof LocalDate a && right instanceof LocalDate b) {
            return a.compareTo(b);
        }
        return left.toString().compareToIgnoreCase(right.toString());
    }

    private static boolean like(Object field, Condition.Like like) {
        if (field == null) {
            return like.negated();
        }
        return like.negated()
                != likePattern(like.pattern()).matcher(field.toString()).matches();
    }

    private static Pattern likePattern(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            switch (c) {
                case '%' -> regex.append(".*");
                case '_' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }
}
