package io.scoreline.pipeline.database;

/** How the database's schema stands against the migrations this build carries (ADR 0054). */
sealed interface SchemaState {

    /** Every migration of this build applied, and nothing else: nothing for Flyway to do. */
    record Current(MigrationVersion version) implements SchemaState {}

    /** The database holds a migration newer than any this build carries. */
    record Ahead(MigrationVersion database, MigrationVersion build) implements SchemaState {}

    /** Anything else (empty, behind, a failed or missing migration, unreadable): Flyway decides, as before. */
    record AskFlyway() implements SchemaState {}
}
