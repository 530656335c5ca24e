package io.scoreline.mappings.check;

import io.scoreline.mappings.Problem;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * Collects ANTLR syntax errors as {@link Problem}s with operator-friendly wording instead of
 * ANTLR's token names, placing each one through a {@link Locator} (expressions live inside
 * YAML scalars, so their positions must be translated to document positions).
 */
final class SyntaxErrorListener extends BaseErrorListener {

    /** Maps a position inside the parsed text to a document position. */
    interface Locator {
        Problem errorAt(int line, int charPositionInLine, int charIndex, String message);
    }

    private static final int MAX_ERRORS = 20;

    private final Locator locator;
    private final IntFunction<String> tokenTypeNames;
    private final Consumer<Problem> problems;
    private int reported;

    private final java.util.function.UnaryOperator<String> hints;

    /**
     * @param tokenTypeNames how to name a token type in a message ({@code null}: quote the token's text)
     * @param hints          advice to append for an offending token's text ({@code ""} for none)
     */
    SyntaxErrorListener(
            Locator locator,
            IntFunction<String> tokenTypeNames,
            java.util.function.UnaryOperator<String> hints,
            Consumer<Problem> problems) {
        this.locator = locator;
        this.tokenTypeNames = tokenTypeNames;
        this.hints = hints;
        this.problems = problems;
    }

    @Override
    public void syntaxError(
            Recognizer<?, ?> recognizer,
            Object offendingSymbol,
            int line,
            int charPositionInLine,
            String antlrMessage,
            RecognitionException e) {
        if (reported++ >= MAX_ERRORS) {
            return;
        }
        var message = antlrMessage;
        var charIndex = -1;
        if (offendingSymbol instanceof Token token) {
            charIndex = token.getStartIndex();
            message = "syntax error: unexpected " + describe(token) + expectation(recognizer)
                    + hints.apply(token.getText());
        }
        problems.accept(locator.errorAt(line, charPositionInLine, charIndex, message));
    }

    private String describe(Token token) {
        if (token.getType() == Token.EOF) {
            return "end of input";
        }
        var name = tokenTypeNames.apply(token.getType());
        return name != null ? name : "'" + token.getText() + "'";
    }

    private String expectation(Recognizer<?, ?> recognizer) {
        if (!(recognizer instanceof Parser parser)) {
            return "";
        }
        var expected = parser.getExpectedTokens();
        if (expected.size() == 0 || expected.size() > 4) {
            return "";
        }
        var names = new StringBuilder();
        for (var type : expected.toList()) {
            var name = type == Token.EOF ? "end of input" : tokenTypeNames.apply(type);
            if (name == null) {
                name = parser.getVocabulary().getDisplayName(type);
            }
            names.append(names.isEmpty() ? "" : " or ").append(name);
        }
        return "; expected " + names;
    }
}
