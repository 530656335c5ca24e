package io.scoreline.mappings.yaml;

import io.scoreline.mappings.Problem;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads rule documents and catalogs with SnakeYAML's node API (line and column on every node)
 * into {@link YamlNode}s of the subset they are written in: block and flow mappings, plain and
 * quoted scalars, comments. Input is assumed hostile: see {@link #LIMITS}.
 */
public final class YamlParser {

    /** Deeper flow nesting than this is never a rule document, and would only exhaust the stack. */
    private static final int MAX_FLOW_DEPTH = 16;

    /** Rule documents nest three levels (kpis, rule, flow mapping); catalogs four. */
    static final int MAX_NESTING = 16;

    /** Catalogs described from a large org run to a few hundred KB; rule documents are capped lower by their compiler. */
    static final int MAX_CODE_POINTS = 4 * 1024 * 1024;

    /**
     * Aliases are rejected by the tree builder at their position; this cap only bounds the work
     * SnakeYAML does before that (an "entity expansion" document never gets that far).
     */
    static final int MAX_ALIASES = 16;

    private static final LoaderOptions LIMITS = limits();

    private YamlParser() {}

    public static YamlParseResult parse(String text) {
        var problems = new ArrayList<Problem>();
        var tooDeep = firstTooDeepBrace(text);
        if (tooDeep != null) {
            problems.add(tooDeep);
            return new YamlParseResult(Optional.empty(), problems);
        }
        var source = new SourceText(text);
        org.yaml.snakeyaml.nodes.Node root;
        try {
            // SafeConstructor: compose() builds nodes only, but nothing here may ever instantiate a tagged class.
            root = new Yaml(new SafeConstructor(LIMITS)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            return new YamlParseResult(Optional.empty(), new SyntaxProblems(source).of(e));
        } catch (YAMLException e) {
            return new YamlParseResult(Optional.empty(), List.of(Problem.error(1, 1, unmarked(e))));
        }
        if (root == null) {
            return new YamlParseResult(Optional.empty(), problems);
        }
        var mapping = new YamlTreeBuilder(source, problems::add).root(root);
        var distinct = problems.stream().distinct().toList();
        return new YamlParseResult(distinct.isEmpty() ? mapping : Optional.empty(), distinct);
    }

    private static String unmarked(YAMLException e) {
        var message = String.valueOf(e.getMessage());
        if (message.startsWith("Nesting Depth exceeded")) {
            return "mappings nested deeper than " + MAX_NESTING + " levels";
        }
        if (message.contains("aliases")) {
            return "syntax error: too many aliases (anchors and aliases are not supported in rule documents)";
        }
        if (message.contains("exceeds the limit")) {
            return "document larger than " + MAX_CODE_POINTS + " characters";
        }
        return "syntax error: " + message;
    }

    private static LoaderOptions limits() {
        var options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setProcessComments(false);
        return options;
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
