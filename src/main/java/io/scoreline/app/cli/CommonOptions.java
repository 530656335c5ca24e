package io.scoreline.app.cli;

import io.scoreline.app.config.CliOverrides;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every command takes (DESIGN §10). */
public final class CommonOptions {

    @Option(
            names = "--db",
            paramLabel = "URL",
            description = "PostgreSQL JDBC URL (default: SCORELINE_DB_URL, else the embedded database)")
    String databaseUrl;

    @Option(names = "--json", description = "Machine-readable output: one JSON object per line")
    boolean json;

    @Option(names = "--verbose", description = "Log details and show stack traces of failures")
    boolean verbose;

    public boolean json() {
        return json;
    }

    public boolean verbose() {
        return verbose;
    }

    public CliOverrides overrides(Optional<Integer> httpPort) {
        return new CliOverrides(Optional.ofNullable(databaseUrl), httpPort);
    }
}
