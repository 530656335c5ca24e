package io.scoreline.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What a command prints on stdout: human text, aligned tables, or with {@code --json} one JSON
 * object per line. Diagnostics never come here (they go to stderr through the log).
 */
public final class CliOutput {

    /**
     * The one mapper every command's JSON goes through: records serialize by their components,
     * times as ISO-8601 text, so {@code --json} output is the same shape wherever it is printed.
     */
    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final PrintWriter out;
    private final boolean json;

    public CliOutput(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    public boolean json() {
        return json;
    }

    public void line(String text) {
        out.println(TerminalText.lines(text));
        out.flush();
    }

    /** Prints one JSON line: a record (preferred: its components are the output's fields) or a map. */
    public void jsonLine(Object object) {
        try {
            out.println(JSON.writeValueAsString(object));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new ScorelineException(FailureKind.BUG, "cannot write JSON output: " + e.getMessage(), e);
        }
    }

    /** Prints rows as columns padded to the widest cell, with the header first. */
    public void table(List<String> header, List<List<String>> rows) {
        var all = new ArrayList<List<String>>();
        all.add(header);
        rows.forEach(row -> all.add(row.stream().map(TerminalText::cell).toList()));
        var widths = new int[header.size()];
        for (var row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (var row : all) {
            var text = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                text.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            out.println(text.toString().stripTrailing());
        }
        out.flush();
    }
}
