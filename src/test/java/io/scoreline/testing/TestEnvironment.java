package io.scoreline.testing;

import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.pipeline.database.DatabaseEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/** Settings for a CLI run against a fresh test database, as an operator would export them. */
public final class TestEnvironment {

    public static final String MASTER_KEY = "test-master-key-0123456789abcdef";

    private TestEnvironment() {}

    public static Map<String, String> forDatabase(DatabaseEndpoint owner) {
        var env = new HashMap<String, String>();
        env.put(ScorelineConfig.DB_URL, owner.jdbcUrl() + "?user=" + owner.user());
        if (owner.password() != null) {
            env.put(ScorelineConfig.DB_PASSWORD, owner.password());
        }
        env.put(ScorelineConfig.DB_AUTO_MIGRATE, "true");
        env.put(ScorelineConfig.MASTER_KEY, MASTER_KEY);
        env.put(ScorelineConfig.DB_POOL_SIZE, "4");
        try {
            env.put(
                    ScorelineConfig.HOME,
                    Files.createTempDirectory(
                                    TestPostgres.testHome().resolve("..").normalize(), "home")
                            .toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return env;
    }
}
