package io.scoreline.pipeline.database;

import java.util.Objects;

/**
 * Where and as whom to connect. {@link #toString()} and {@link #display()} never show the
 * password, so endpoints can go into messages and logs.
 */
public record DatabaseEndpoint(String jdbcUrl, String user, String password) {

    public DatabaseEndpoint {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    }

    /** The URL with any {@code password=} query parameter masked. */
    public String display() {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    @Override
    public String toString() {
        return "DatabaseEndpoint[" + display() + (user == null ? "" : ", user=" + user) + "]";
    }
}
