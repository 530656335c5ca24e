package io.scoreline.app.cli;

import io.scoreline.connectors.spi.FailureKind;
import io.scoreline.connectors.spi.ScorelineException;
import io.scoreline.gamification.badges.BadgeCatalogReader;
import io.scoreline.gamification.badges.CatalogReadResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A badge catalog file read from disk, with its problems printed as {@code FILE:LINE:COL: message}. */
record BadgeCatalogFile(Path path, CatalogReadResult result) {

    static BadgeCatalogFile read(Path path) {
        try {
            return new BadgeCatalogFile(path, BadgeCatalogReader.read(Files.readString(path)));
        } catch (NoSuchFileException e) {
            throw ScorelineException.badInput("no such file: " + path);
        } catch (IOException e) {
            throw new ScorelineException(FailureKind.BAD_INPUT, "cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** Prints every problem; true when there were none. */
    boolean report(PrintWriter err) {
        result.problems().forEach(p -> err.println(p.format(path.toString())));
        err.flush();
        return result.valid();
    }
}
