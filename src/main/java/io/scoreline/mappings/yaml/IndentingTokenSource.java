package io.scoreline.mappings.yaml;

import io.scoreline.mappings.Problem;
import io.scoreline.mappings.grammar.RuleDocumentLexer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Pair;

/**
 * Turns the lexer's NEWLINE tokens (which carry the next line's leading whitespace) into
 * Python-style NEWLINE / INDENT / DEDENT tokens, so that the parser grammar can express
 * YAML block nesting without semantic predicates. Blank and comment-only lines vanish.
 */
final class IndentingTokenSource implements TokenSource {

    private final RuleDocumentLexer lexer;
    private final Consumer<Problem> problems;
    private final Deque<Integer> indents = new ArrayDeque<>();
    private final ArrayDeque<Token> pending = new ArrayDeque<>();
    private boolean started;
    private boolean lineHasContent;

    IndentingTokenSource(RuleDocumentLexer lexer, Consumer<Problem> problems) {
        this.lexer = lexer;
        this.problems = problems;
        indents.push(0);
    }

    @Override
    public Token nextToken() {
        if (!pending.isEmpty()) {
            return pending.poll();
        }
        var token = lexer.nextToken();
        if (!started) {
            started = true;
            if (token.getType() != RuleDocumentLexer.NEWLINE && token.getType() != Token.EOF) {
                indentTo(token.getCharPositionInLine(), false, token);
                pending.add(token);
                lineHasContent = true;
                return pending.poll();
            }
        }
        if (token.getType() == RuleDocumentLexer.NEWLINE) {
            var lastNewline = token;
            var next = lexer.nextToken();
            while (next.getType() == RuleDocumentLexer.NEWLINE) {
                lastNewline = next;
                next = lexer.nextToken();
            }
            if (next.getType() == Token.EOF) {
                finish(next);
            } else {
                endLine(next);
                var whitespace = lastNewline.getText().replaceFirst("^[\\r\\n]+", "");
                indentTo(whitespace.length(), whitespace.indexOf('\t') >= 0, next);
                pending.add(next);
                lineHasContent = true;
            }
            return pending.isEmpty() ? nextToken() : pending.poll();
        }
        if (token.getType() == Token.EOF) {
            finish(token);
            return pending.poll();
        }
        lineHasContent = true;
        return token;
    }

    private void endLine(Token next) {
        if (lineHasContent) {
            pending.add(synthetic(RuleDocumentLexer.NEWLINE, "\n", next));
        }
        lineHasContent = false;
    }

    private void indentTo(int indent, boolean usesTabs, Token next) {
        if (usesTabs) {
            problems.accept(Problem.error(next.getLine(), 1, "tabs are not allowed for indentation; use spaces"));
        }
        if (indent > indents.peek()) {
            indents.push(indent);
            pending.add(synthetic(RuleDocumentLexer.INDENT, "<indent>", next));
            return;
        }
        while (indent < indents.peek()) {
            indents.pop();
            pending.add(synthetic(RuleDocumentLexer.DEDENT, "<dedent>", next));
        }
        if (indent != indents.peek()) {
            problems.accept(Problem.error(next.getLine(), next.getCharPositionInLine() + 1,
                    "inconsistent indentation: this line matches no enclosing level"));
        }
    }

    private void finish(Token eof) {
        endLine(eof);
        while (indents.size() > 1) {
            indents.pop();
            pending.add(synthetic(RuleDocumentLexer.DEDENT, "<dedent>", eof));
        }
        pending.add(eof);
    }

    private Token synthetic(int type, String text, Token at) {
        var token = new CommonToken(new Pair<>(this, lexer.getInputStream()), type, Token.DEFAULT_CHANNEL,
                at.getStartIndex(), at.getStartIndex() - 1);
        token.setText(text);
        token.setLine(at.getLine());
        token.setCharPositionInLine(at.getCharPositionInLine());
        return token;
    }

    @Override
    public int getLine() {
        return lexer.getLine();
    }

    @Override
    public int getCharPositionInLine() {
        return lexer.getCharPositionInLine();
    }

    @Override
    public CharStream getInputStream() {
        return lexer.getInputStream();
    }

    @Override
    public String getSourceName() {
        return lexer.getSourceName();
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
        lexer.setTokenFactory(factory);
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        return lexer.getTokenFactory();
    }
}
