package io.scoreline.mappings.yaml;

import io.scoreline.mappings.Problem;
import io.scoreline.mappings.grammar.RuleDocumentLexer;
import io.scoreline.mappings.grammar.RuleDocumentParser;
import java.util.ArrayList;
import java.util.Optional;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;

/** Parses the YAML subset (block and flow mappings, scalars, comments) into {@link YamlNode}s. */
public final class YamlParser {

    /** Deeper flow nesting than this is never a rule document, and would only exhaust the stack. */
    private static final int MAX_FLOW_DEPTH = 16;

    private YamlParser() {
    }

    public static YamlParseResult parse(String text) {
        var problems = new ArrayList<Problem>();
        var tooDeep = firstTooDeepBrace(text);
        if (tooDeep != null) {
            problems.add(tooDeep);
            return new YamlParseResult(Optional.empty(), problems);
        }
        var lexer = new RuleDocumentLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        var parser = new RuleDocumentParser(new CommonTokenStream(new IndentingTokenSource(lexer, problems::add)));
        parser.removeErrorListeners();
        parser.addErrorListener(new SyntaxErrorListener(
                (line, column, index, message) -> Problem.error(line, column + 1, message),
                YamlParser::tokenName, YamlParser::hint, problems::add));
        var tree = parser.document();
        if (!problems.isEmpty()) {
            return new YamlParseResult(Optional.empty(), problems);
        }
        var builder = new YamlTreeBuilder(problems::add);
        var root = tree.blockMapping() == null
                ? Optional.<YamlMapping>empty()
                : Optional.of(builder.blockMapping(tree.blockMapping(), 1, 1));
        return new YamlParseResult(root, problems);
    }

    private static String tokenName(int type) {
        return switch (type) {
            case RuleDocumentLexer.NEWLINE -> "end of line";
            case RuleDocumentLexer.INDENT -> "indentation (is a ':' missing on the line before?)";
            case RuleDocumentLexer.DEDENT -> "end of the indented block";
            case RuleDocumentLexer.COLON -> "':'";
            case RuleDocumentLexer.LBRACE -> "'{'";
            case RuleDocumentLexer.RBRACE -> "'}'";
            case RuleDocumentLexer.COMMA -> "','";
            case RuleDocumentLexer.DOC_START -> "'---'";
            default -> null;
        };
    }

    private static String hint(String tokenText) {
        return switch (tokenText) {
            case "|", ">" -> " (block scalars are not supported: write the value on one line, quoted if needed)";
            case "-" -> " (lists are not supported in rule documents)";
            case "[", "]" -> " (flow sequences are not supported: IN lists go inside the expression)";
            case "\"", "'" -> " (unterminated quoted value?)";
            case "\t" -> " (use spaces, not tabs)";
            default -> "";
        };
    }

    private static Problem firstTooDeepBrace(String text) {
        int depth = 0;
        int line = 1;
        int column = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            column++;
            if (c == '\n') {
                line++;
                column = 0;
            } else if (c == '{' && ++depth > MAX_FLOW_DEPTH) {
                return Problem.error(line, column, "mappings nested deeper than " + MAX_FLOW_DEPTH + " levels");
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
            }
        }
        return null;
    }

}
