package io.scoreline.app.cli.gamification;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.gamification.badges.CatalogProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** A badge catalog file read from disk, whose problems are printed as {@code FILE:LINE:COL: message}. */
record BadgeCatalogFile(Path path, String text) {

    static BadgeCatalogFile read(Path path) {
        try {
            return new BadgeCatalogFile(path, Files.readString(path));
        } catch (NoSuchFileException e) {
            throw ScorelineException.badInput("no such file: " + path);
        } catch (IOException e) {
            throw new ScorelineException(FailureKind.BAD_INPUT, "cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** Prints every problem on stderr. */
    void report(PrintWriter err, List<CatalogProblem> problems) {
        problems.forEach(p -> err.println(p.format(path.toString())));
        err.flush();
    }
}
