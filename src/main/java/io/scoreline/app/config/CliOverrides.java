package io.scoreline.app.config;

import java.util.Optional;

/** Settings given as command-line options; they win over the environment. */
public record CliOverrides(Optional<String> databaseUrl, Optional<Integer> httpPort) {

    public static CliOverrides none() {
        return new CliOverrides(Optional.empty(), Optional.empty());
    }
}
