package io.scoreline.sim.salesforce.soql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a SOQL statement into tokens. */
final class SoqlLexer {

    private static final Pattern DATETIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?(Z|[+-]\\d{2}:?\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** Longest shapes first: a datetime starts like a date, a date like a number. */
    private static final List<Shape> SHAPES = List.of(
            new Shape(DATETIME, Token.Kind.DATETIME),
            new Shape(DATE, Token.Kind.DATE),
            new Shape(NUMBER, Token.Kind.NUMBER));

    private record Shape(Pattern pattern, Token.Kind kind) {}

    private SoqlLexer() {}

    static List<Token> tokenize(String soql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < soql.length()) {
            char c = soql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                i = string(soql, i, tokens);
            } else if (Character.isDigit(c)
                    || (c == '-' && i + 1 < soql.length() && Character.isDigit(soql.charAt(i + 1)))) {
                i = numberOrDate(soql, i, tokens);
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < soql.length() && (Character.isLetterOrDigit(soql.charAt(i)) || soql.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.WORD, soql.substring(start, i), start));
            } else {
                i = symbol(soql, i, tokens);
            }
        }
        tokens.add(new Token(Token.Kind.END, "<EOF>", soql.length()));
        return tokens;
    }

    private static int string(String soql, int start, List<Token> tokens) {
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < soql.length()) {
            char c = soql.charAt(i);
            if (c == '\\' && i + 1 < soql.length()) {
                char escaped = soql.charAt(i + 1);
                value.append(
                        switch (escaped) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            default -> escaped;
                        });
                i += 2;
            } else if (c == '\'') {
                tokens.add(new Token(Token.Kind.STRING, value.toString(), start));
                return i + 1;
            } else {
                value.append(c);
                i++;
            }
        }
        throw new SoqlException("MALFORMED_QUERY", "unterminated string literal", start);
    }

    private static int numberOrDate(String soql, int start, List<Token> tokens) {
        for (Shape shape : SHAPES) {
            Matcher matcher = shape.pattern().matcher(soql).region(start, soql.length());
            if (matcher.lookingAt()) {
                tokens.add(new Token(shape.kind(), matcher.group(), start));
                return matcher.end();
            }
        }
        throw new SoqlException("MALFORMED_QUERY", "unexpected token: " + soql.charAt(start), start);
    }

    private static int symbol(String soql, int i, List<Token> tokens) {
        String two = i + 1 < soql.length() ? soql.substring(i, i + 2) : "";
        if (two.equals("!=") || two.equals("<>") || two.equals("<=") || two.equals(">=")) {
            tokens.add(new Token(Token.Kind.SYMBOL, two, i));
            return i + 2;
        }
        String one = String.valueOf(soql.charAt(i));
        if ("(),=<>.:".contains(one)) {
            tokens.add(new Token(Token.Kind.SYMBOL, one, i));
            return i + 1;
        }
        throw new SoqlException("MALFORMED_QUERY", "unexpected token: " + one, i);
    }
}
