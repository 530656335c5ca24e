package io.scoreline.pipeline.database;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How the application reaches its database.
 *
 * @param owner       the owner role's endpoint (migrations run here); empty means the embedded
 *                    server under {@code embeddedDataDirectory}
 * @param runtime     a separate login for the runtime role; empty means the owner connection
 *                    switches to {@code runtimeRole} with {@code SET ROLE}
 * @param runtimeRole the role the application works as: no owner, no BYPASSRLS
 * @param poolSize    connections in the runtime pool
 * @param autoMigrate migrate on start (the default for the embedded server)
 */
public record DatabaseSettings(
        Optional<DatabaseEndpoint> owner,
        Optional<DatabaseEndpoint> runtime,
        Path embeddedDataDirectory,
        String runtimeRole,
        int poolSize,
        boolean autoMigrate) {

    public static final String DEFAULT_RUNTIME_ROLE = "scoreline_app";

    public boolean embedded() {
        return owner.isEmpty();
    }
}
