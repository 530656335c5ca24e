package io.scoreline.app.cli.mapping;

import io.scoreline.app.cli.CommonOptions;
import io.scoreline.app.cli.ScorelineCommand;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.app.wiring.ScorelineApplication;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.pipeline.integrations.catalogs.IntegrationCatalogs;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Which field catalog {@code mapping validate} and {@code mapping test} check against: an
 * integration's effective catalog from the database, one read from a catalog file written by
 * {@code integration describe --json}, or (neither given) the stock catalog of the document's CRM.
 * The two options exclude each other.
 */
final class CatalogChoice {

    /** Catalog files are a few hundred kilobytes for a large org; more is not a catalog. */
    private static final long MAX_FILE_BYTES = 32L * 1024 * 1024;

    @Option(
            names = "--integration",
            paramLabel = "ID",
            description = "Check against this integration's catalog (custom fields too); needs the database")
    Long integrationId;

    @Option(
            names = "--catalog",
            paramLabel = "FILE",
            description = "Check against a catalog file written by `scoreline integration describe --json`")
    Path catalogFile;

    /** Empty for the stock catalog. Starts the database only for {@code --integration}. */
    Optional<FieldCatalog> resolve(CommandSpec spec, CommonOptions common) {
        if (catalogFile != null && integrationId != null) {
            throw ScorelineException.badInput("--integration and --catalog exclude each other: give one catalog");
        }
        if (catalogFile != null) {
            return Optional.of(IntegrationCatalogs.fromFile(read(catalogFile), catalogFile.toString()));
        }
        if (integrationId != null) {
            var config =
                    ScorelineConfig.resolve(ScorelineCommand.environmentOf(spec), common.overrides(Optional.empty()));
            try (var context = ScorelineApplication.startWithoutHttp(config)) {
                return Optional.of(context.getBean(IntegrationCatalogs.class).effective(integrationId));
            }
        }
        return Optional.empty();
    }

    private static String read(Path path) {
        try {
            if (Files.size(path) > MAX_FILE_BYTES) {
                throw ScorelineException.badInput(
                        path + ": larger than " + MAX_FILE_BYTES + " bytes; not a catalog file");
            }
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw ScorelineException.badInput(path + ": not UTF-8 text");
        } catch (IOException e) {
            throw new ScorelineException(FailureKind.BAD_INPUT, "cannot read " + path + ": " + e.getMessage());
        }
    }
}
