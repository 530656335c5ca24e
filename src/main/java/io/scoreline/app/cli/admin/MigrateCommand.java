package io.scoreline.app.cli.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.CommonOptions;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.cli.ScorelineCommand;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.database.DatabaseSettings;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code scoreline migrate}: brings the schema up to date as the owner role. */
@Command(
        name = "migrate",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline migrate",
            "  scoreline migrate --db jdbc:postgresql://127.0.0.1:5432/scoreline?user=scoreline"
        },
        description = "Apply pending database migrations (runs as the owner role).")
public final class MigrateCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    /** The {@code --json} line. */
    record MigratedLine(
            @JsonProperty("schema_version") String schemaVersion,
            @JsonProperty("migrations_applied") int migrationsApplied) {}

    @Override
    public Integer call() {
        var config = ScorelineConfig.resolve(ScorelineCommand.environmentOf(spec), common.overrides(Optional.empty()));
        var database = config.database();
        var migrating = new DatabaseSettings(
                database.owner(),
                database.runtime(),
                database.embeddedDataDirectory(),
                database.runtimeRole(),
                1,
                true);
        var output = new CliOutput(new PrintWriter(spec.commandLine().getOut(), true), common.json());
        try (var runtime = DatabaseRuntime.open(migrating)) {
            var version = runtime.schemaVersion();
            if (output.json()) {
                output.jsonLine(new MigratedLine(version, runtime.migrationsApplied()));
            } else {
                output.line("Database schema at version " + version + " (" + runtime.migrationsApplied()
                        + " migration(s) applied)");
            }
        }
        return 0;
    }
}
