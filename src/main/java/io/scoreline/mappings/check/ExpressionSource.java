package io.scoreline.mappings.check;

import io.scoreline.mappings.Problem;
import io.scoreline.mappings.grammar.RuleExpressionLexer;
import io.scoreline.mappings.grammar.RuleExpressionParser;
import io.scoreline.mappings.yaml.YamlScalar;
import java.util.function.Function;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * An expression held in a YAML scalar: parses it and places every position (syntax errors
 * and later semantic errors) at its line and column in the document.
 */
final class ExpressionSource {

    static final int MAX_LENGTH = 4_000;
    static final int MAX_PAREN_DEPTH = 32;

    private final YamlScalar scalar;
    private final ProblemSink problems;

    ExpressionSource(YamlScalar scalar, ProblemSink problems) {
        this.scalar = scalar;
        this.problems = problems;
    }

    /** Parses with the given entry rule; {@code null} after reporting syntax errors. */
    <T extends ParserRuleContext> T parse(Function<RuleExpressionParser, T> entryRule) {
        var text = scalar.value();
        if (text.length() > MAX_LENGTH) {
            problems.error(scalar.line(), scalar.column(), "expression longer than " + MAX_LENGTH + " characters");
            return null;
        }
        if (tooDeeplyNested(text)) {
            return null;
        }
        int before = problems.errorCount();
        var lexer = new RuleExpressionLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        var parser = new RuleExpressionParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(new SyntaxErrorListener(
                (line, column, index, message) -> Problem.error(
                        scalar.lineOf(index < 0 ? column : index),
                        scalar.columnOf(index < 0 ? column : index),
                        message),
                ExpressionSource::tokenName,
                ExpressionSource::hint,
                problems::add));
        var tree = entryRule.apply(parser);
        return problems.errorCount() == before ? tree : null;
    }

    void error(Token at, String message) {
        problems.error(scalar.lineOf(at.getStartIndex()), scalar.columnOf(at.getStartIndex()), message);
    }

    void warning(Token at, String message) {
        problems.warning(scalar.lineOf(at.getStartIndex()), scalar.columnOf(at.getStartIndex()), message);
    }

    void errorAtStart(String message) {
        problems.error(scalar.line(), scalar.column(), message);
    }

    void warningAtStart(String message) {
        problems.warning(scalar.line(), scalar.column(), message);
    }

    private boolean tooDeeplyNested(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' && ++depth > MAX_PAREN_DEPTH) {
                problems.error(
                        scalar.lineOf(i),
                        scalar.columnOf(i),
                        "expression nested deeper than " + MAX_PAREN_DEPTH + " parentheses");
                return true;
            }
            if (c == ')') {
                depth--;
            }
        }
        return false;
    }

    private static String hint(String tokenText) {
        return switch (tokenText) {
            case "\"" -> " (strings take single quotes: 'text')";
            case "'" -> " (unterminated string?)";
            case "==" -> " (equality is a single =)";
            case "&&", "&" -> " (use AND)";
            case "||", "|" -> " (use OR)";
            default -> "";
        };
    }

    private static String tokenName(int type) {
        return switch (type) {
            case RuleExpressionLexer.IDENT -> "a field name";
            case RuleExpressionLexer.STRING -> "a string";
            case RuleExpressionLexer.NUMBER -> "a number";
            case RuleExpressionLexer.DATE -> "a date";
            case RuleExpressionLexer.DATETIME -> "a datetime";
            case RuleExpressionLexer.ERROR_CHAR -> null;
            default ->
                RuleExpressionLexer.VOCABULARY.getLiteralName(type) != null
                        ? RuleExpressionLexer.VOCABULARY.getLiteralName(type)
                        : RuleExpressionLexer.VOCABULARY.getSymbolicName(type);
        };
    }
}
