package io.scoreline.mappings.pushdown;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Applies a generated SOQL WHERE clause to a record the way a strict SQL engine would: a
 * comparison with a null field is UNKNOWN (three-valued logic), except {@code = null} and
 * {@code != null}, and only TRUE selects. That is the least favourable reading of Salesforce's
 * null handling, so a compiler that passes against it is a superset under any reading.
 * Strings compare ignoring case, as SOQL does. Test code only.
 */
final class SoqlWhereInterpreter {

    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:(?<str>'(?:[^'\\\\]|\\\\.)*')|(?<dt>\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z)|(?<date>\\d{4}-\\d{2}-\\d{2})"
                    + "|(?<num>-?\\d+(?:\\.\\d+)?)|(?<op>!=|<=|>=|[=<>(),])|(?<word>[A-Za-z_][A-Za-z0-9_.]*))");

    private final List<String> tokens = new ArrayList<>();
    private final Map<String, Object> record;
    private int at;

    private SoqlWhereInterpreter(String where, Map<String, Object> record) {
        var matcher = TOKEN.matcher(where);
        int end = 0;
        while (end < where.length() && matcher.find(end) && matcher.start() == end) {
            tokens.add(matcher.group().strip());
            end = matcher.end();
        }
        if (!where.substring(end).isBlank()) {
            throw new IllegalArgumentException("cannot tokenize at: " + where.substring(end));
        }
        this.record = record;
    }

    /** {@code record} holds typed values: String, BigDecimal, Boolean, LocalDate, Instant or null. */
    static boolean selects(String where, Map<String, Object> record) {
        var interpreter = new SoqlWhereInterpreter(where, record);
        var result = interpreter.or();
        if (interpreter.at != interpreter.tokens.size()) {
            throw new IllegalArgumentException("trailing tokens in " + where);
        }
        return result == Boolean.TRUE;
    }

    private Boolean or() {
        Boolean result = and();
        while (peek("OR")) {
            at++;
            var right = and();
            result = Boolean.TRUE.equals(result) || Boolean.TRUE.equals(right)
                    ? Boolean.TRUE
                    : result == null || right == null ? null : Boolean.FALSE;
        }
        return result;
    }

    private Boolean and() {
        Boolean result = not();
        while (peek("AND")) {
            at++;
            var right = not();
            result = Boolean.FALSE.equals(result) || Boolean.FALSE.equals(right)
                    ? Boolean.FALSE
                    : result == null || right == null ? null : Boolean.TRUE;
        }
        return result;
    }

    private Boolean not() {
        if (peek("NOT")) {
            at++;
            var inner = not();
            return inner == null ? null : !inner;
        }
        if (peek("(")) {
            at++;
            var inner = or();
            expect(")");
            return inner;
        }
        return predicate();
    }

    private Boolean predicate() {
        var field = tokens.get(at++);
        var value = record.get(field);
        if (peek("NOT")) {
            at++;
            expect("IN");
            var member = in(value);
            return member == null ? null : !member;
        }
        if (peek("IN")) {
            at++;
            return in(value);
        }
        if (peek("LIKE")) {
            at++;
            var pattern = tokens.get(at++);
            return value == null ? null : like(pattern).matcher((String) value).matches();
        }
        var operator = tokens.get(at++);
        var literal = literal(tokens.get(at++));
        if (literal == null) {
            return switch (operator) {
                case "=" -> value == null;
                case "!=" -> value != null;
                default -> throw new IllegalArgumentException("ordering with null");
            };
        }
        if (value == null) {
            return null;
        }
        int order = compare(value, literal);
        return switch (operator) {
            case "=" -> order == 0;
            case "!=" -> order != 0;
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            case ">=" -> order >= 0;
            default -> throw new IllegalArgumentException("operator " + operator);
        };
    }

    private Boolean in(Object value) {
        expect("(");
        var literals = new ArrayList<Object>();
        literals.add(literal(tokens.get(at++)));
        while (peek(",")) {
            at++;
            literals.add(literal(tokens.get(at++)));
        }
        expect(")");
        if (value == null) {
            return null;
        }
        return literals.stream().anyMatch(l -> l != null && compare(value, l) == 0);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object value, Object literal) {
        if (value instanceof String s) {
            return s.compareToIgnoreCase((String) literal);
        }
        return ((Comparable) value).compareTo(literal);
    }

    private static Object literal(String token) {
        if (token.startsWith("'")) {
            return unescape(token.substring(1, token.length() - 1));
        }
        if (token.equalsIgnoreCase("null")) {
            return null;
        }
        if (token.equalsIgnoreCase("true") || token.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(token);
        }
        if (token.contains("T")) {
            return OffsetDateTime.parse(token).toInstant();
        }
        if (token.length() == 10 && token.charAt(4) == '-') {
            return LocalDate.parse(token);
        }
        return new BigDecimal(token);
    }

    private static String unescape(String body) {
        var out = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                char next = body.charAt(++i);
                out.append(
                        switch (next) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            default -> next;
                        });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Pattern like(String quoted) {
        var body = quoted.substring(1, quoted.length() - 1);
        var regex = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                regex.append(Pattern.quote(String.valueOf(body.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    private boolean peek(String word) {
        return at < tokens.size() && tokens.get(at).toUpperCase(Locale.ROOT).equals(word);
    }

    private void expect(String word) {
        if (!peek(word)) {
            throw new IllegalArgumentException("expected " + word + " at token " + at + " of " + tokens);
        }
        at++;
    }
}
