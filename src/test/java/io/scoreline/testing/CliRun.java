package io.scoreline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scoreline.app.Scoreline;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/** One in-process run of the real command line, with its exit code and both output streams. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun run(Map<String, String> environment, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Scoreline.execute(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Runs and asserts exit 0, naming the command and its error output when it is not. */
    public static CliRun succeeded(Map<String, String> environment, String... args) {
        var run = run(environment, args);
        assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err()).isZero();
        return run;
    }

    public List<String> outLines() {
        return out.lines().toList();
    }

    /** The last output line as JSON (the result of a {@code --json} command). */
    public JsonNode lastJson() {
        return ParsedJson.of(outLines().getLast());
    }

    /** Every non-blank output line as JSON (a {@code --json} listing prints one object a line). */
    public List<JsonNode> jsonLines() {
        return outLines().stream()
                .filter(line -> !line.isBlank())
                .map(ParsedJson::of)
                .toList();
    }
}
