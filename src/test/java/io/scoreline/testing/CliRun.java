package io.scoreline.testing;

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

    public List<String> outLines() {
        return out.lines().toList();
    }
}
