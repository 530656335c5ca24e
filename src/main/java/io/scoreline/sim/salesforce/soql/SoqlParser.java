package io.scoreline.sim.salesforce.soql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Recursive-descent parser for the SOQL subset the simulator serves: a SELECT list (fields, dotted
 * parent relationships or {@code COUNT()}), FROM, WHERE with AND/OR/NOT, comparisons, IN, LIKE and
 * date/datetime/relative-date literals, ORDER BY with direction and null placement, LIMIT and OFFSET.
 */
public final class SoqlParser {

    static final Set<String> RELATIVE_DATES = Set.of(
            "TODAY",
            "YESTERDAY",
            "TOMORROW",
            "LAST_WEEK",
            "THIS_WEEK",
            "NEXT_WEEK",
            "LAST_MONTH",
            "THIS_MONTH",
            "NEXT_MONTH",
            "LAST_90_DAYS",
            "NEXT_90_DAYS",
            "THIS_YEAR",
            "LAST_YEAR");
    static final Set<String> RELATIVE_DATES_WITH_N = Set.of("LAST_N_DAYS", "NEXT_N_DAYS", "N_DAYS_AGO");

    private final List<Token> tokens;
    private int next;

    private SoqlParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** @throws SoqlException with {@code MALFORMED_QUERY} and the offending offset */
    public static SoqlQuery parse(String soql) {
        return new SoqlParser(SoqlLexer.tokenize(soql)).query();
    }

    private SoqlQuery query() {
        expectWord("SELECT");
        boolean countOnly = false;
        List<FieldPath> fields = new ArrayList<>();
        if (peek().isWord("COUNT") && tokens.get(next + 1).isSymbol("(")) {
            next++;
            expectSymbol("(");
            expectSymbol(")");
            countOnly = true;
        } else {
            fields.add(fieldPath());
            while (peek().isSymbol(",")) {
                next++;
                fields.add(fieldPath());
            }
        }
        expectWord("FROM");
        Token from = take();
        if (from.kind() != Token.Kind.WORD) {
            throw unexpected(from);
        }
        Optional<Condition> where = Optional.empty();
        if (peek().isWord("WHERE")) {
            next++;
            where = Optional.of(or());
        }
        List<SoqlQuery.OrderItem> orderBy = new ArrayList<>();
        if (peek().isWord("ORDER")) {
            next++;
            expectWord("BY");
            orderBy.add(orderItem());
            while (peek().isSymbol(",")) {
                next++;
                orderBy.add(orderItem());
            }
        }
        OptionalInt limit = optionalCount("LIMIT");
        OptionalInt offset = optionalCount("OFFSET");
        if (peek().kind() != Token.Kind.END) {
            throw unexpected(peek());
        }
        return new SoqlQuery(fields, countOnly, from.text(), from.position(), where, orderBy, limit, offset);
    }

    private OptionalInt optionalCount(String keyword) {
        if (!peek().isWord(keyword)) {
            return OptionalInt.empty();
        }
        next++;
        Token number = take();
        if (number.kind() != Token.Kind.NUMBER
                || number.text().contains(".")
                || number.text().startsWith("-")) {
            throw unexpected(number);
        }
        return OptionalInt.of(Integer.parseInt(number.text()));
    }

    private SoqlQuery.OrderItem orderItem() {
        FieldPath field = fieldPath();
        boolean descending = false;
        if (peek().isWord("ASC") || peek().isWord("DESC")) {
            descending = take().isWord("DESC");
        }
        boolean nullsLast = descending;
        if (peek().isWord("NULLS")) {
            next++;
            Token placement = take();
            if (!placement.isWord("FIRST") && !placement.isWord("LAST")) {
                throw unexpected(placement);
            }
            nullsLast = placement.isWord("LAST");
        }
        return new SoqlQuery.OrderItem(field, descending, nullsLast);
    }

    private Condition or() {
        List<Condition> terms = new ArrayList<>(List.of(and()));
        while (peek().isWord("OR")) {
            next++;
            terms.add(and());
        }
        return terms.size() == 1 ? terms.getFirst() : new Condition.Or(terms);
    }

    private Condition and() {
        List<Condition> terms = new ArrayList<>(List.of(not()));
        while (peek().isWord("AND")) {
            next++;
            terms.add(not());
        }
        return terms.size() == 1 ? terms.getFirst() : new Condition.And(terms);
    }

    private Condition not() {
        if (peek().isWord("NOT")) {
            next++;
            return new Condition.Not(not());
        }
        if (peek().isSymbol("(")) {
            next++;
            Condition inner = or();
            expectSymbol(")");
            return inner;
        }
        return predicate(fieldPath());
    }

    private Condition predicate(FieldPath field) {
        Token token = take();
        boolean negated = false;
        if (token.isWord("NOT")) {
            negated = true;
            token = take();
            if (!token.isWord("IN") && !token.isWord("LIKE")) {
                throw unexpected(token);
            }
        }
        if (token.isWord("IN")) {
            expectSymbol("(");
            List<Literal> values = new ArrayList<>(List.of(literal()));
            while (peek().isSymbol(",")) {
                next++;
                values.add(literal());
            }
            expectSymbol(")");
            return new Condition.In(field, negated, values);
        }
        if (token.isWord("LIKE")) {
            Token pattern = take();
            if (pattern.kind() != Token.Kind.STRING) {
                throw unexpected(pattern);
            }
            return new Condition.Like(field, negated, pattern.text());
        }
        Condition.Operator operator = switch (token.kind() == Token.Kind.SYMBOL ? token.text() : "") {
            case "=" -> Condition.Operator.EQ;
            case "!=", "<>" -> Condition.Operator.NE;
            case "<" -> Condition.Operator.LT;
            case "<=" -> Condition.Operator.LE;
            case ">" -> Condition.Operator.GT;
            case ">=" -> Condition.Operator.GE;
            default -> throw unexpected(token);
        };
        return new Condition.Comparison(field, operator, literal());
    }

    private Literal literal() {
        Token token = take();
        return switch (token.kind()) {
            case STRING -> new Literal.Text(token.text());
            case NUMBER -> new Literal.Number(new BigDecimal(token.text()));
            case DATE -> new Literal.Date(LocalDate.parse(token.text()));
            case DATETIME ->
                new Literal.DateTime(
                        OffsetDateTime.parse(withColonOffset(token.text())).toInstant());
            case WORD -> wordLiteral(token);
            case SYMBOL, END -> throw unexpected(token);
        };
    }

    private Literal wordLiteral(Token token) {
        String upper = token.upper();
        return switch (upper) {
            case "TRUE" -> new Literal.Bool(true);
            case "FALSE" -> new Literal.Bool(false);
            case "NULL" -> new Literal.Null();
            default -> {
                if (RELATIVE_DATES.contains(upper)) {
                    yield new Literal.RelativeDate(upper, 0);
                }
                if (RELATIVE_DATES_WITH_N.contains(upper)) {
                    expectSymbol(":");
                    Token n = take();
                    if (n.kind() != Token.Kind.NUMBER) {
                        throw unexpected(n);
                    }
                    yield new Literal.RelativeDate(upper, Integer.parseInt(n.text()));
                }
                throw unexpected(token);
            }
        };
    }

    private FieldPath fieldPath() {
        Token first = take();
        if (first.kind() != Token.Kind.WORD || isReserved(first)) {
            throw unexpected(first);
        }
        List<String> parts = new ArrayList<>(List.of(first.text()));
        while (peek().isSymbol(".")) {
            next++;
            Token part = take();
            if (part.kind() != Token.Kind.WORD) {
                throw unexpected(part);
            }
            parts.add(part.text());
        }
        return new FieldPath(parts, first.position());
    }

    private static boolean isReserved(Token token) {
        return Set.of(
                        "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "ORDER", "BY", "LIMIT", "OFFSET", "IN", "LIKE",
                        "NULL", "TRUE", "FALSE")
                .contains(token.upper());
    }

    private static String withColonOffset(String datetime) {
        return datetime.matches(".*[+-]\\d{4}$")
                ? datetime.substring(0, datetime.length() - 2) + ":" + datetime.substring(datetime.length() - 2)
                : datetime;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token token = tokens.get(next);
        if (token.kind() != Token.Kind.END) {
            next++;
        }
        return token;
    }

    private void expectWord(String keyword) {
        Token token = take();
        if (!token.isWord(keyword)) {
            throw unexpected(token);
        }
    }

    private void expectSymbol(String symbol) {
        Token token = take();
        if (!token.isSymbol(symbol)) {
            throw unexpected(token);
        }
    }

    private static SoqlException unexpected(Token token) {
        return new SoqlException(
                "MALFORMED_QUERY",
                "unexpected token: " + (token.kind() == Token.Kind.STRING ? "'" + token.text() + "'" : token.text()),
                token.position());
    }
}
