package io.scoreline.app.cli.mapping;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.MappingCompiler;
import io.scoreline.mappings.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** A rule document read from disk, whose problems are printed as {@code FILE:LINE:COL: message}. */
record RuleDocumentFile(Path path, String text) {

    static RuleDocumentFile read(Path path) {
        try {
            if (Files.size(path) > MappingCompiler.MAX_DOCUMENT_CHARS * 4L) {
                throw ScorelineException.badInput(
                        path + ": the document is larger than " + MappingCompiler.MAX_DOCUMENT_CHARS + " characters");
            }
            return new RuleDocumentFile(path, Files.readString(path, StandardCharsets.UTF_8));
        } catch (CharacterCodingException e) {
            throw ScorelineException.badInput(path + ": not UTF-8 text");
        } catch (IOException e) {
            throw new ScorelineException(FailureKind.BAD_INPUT, "cannot read " + path + ": " + e.getMessage());
        }
    }

    /** Prints every problem as {@code FILE:LINE:COL: message} on stderr, in document order. */
    void report(PrintWriter err, List<Problem> problems) {
        problems.stream().sorted(Problem.IN_DOCUMENT_ORDER).forEach(p -> err.println(p.format(path.toString())));
        err.flush();
    }

    /** The problems for a program, in document order: one {@link ProblemLine} each. */
    List<ProblemLine> lines(List<Problem> problems) {
        return problems.stream()
                .sorted(Problem.IN_DOCUMENT_ORDER)
                .map(p -> new ProblemLine(
                        path.toString(),
                        p.line(),
                        p.column(),
                        p.severity().name().toLowerCase(Locale.ROOT),
                        p.message()))
                .toList();
    }

    /** One problem as a {@code --json} line; {@code severity} is {@code error} or {@code warning}. */
    record ProblemLine(String file, int line, int column, String severity, String message) {}
}
