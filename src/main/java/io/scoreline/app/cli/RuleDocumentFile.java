package io.scoreline.app.cli;

import io.scoreline.connectors.spi.FailureKind;
import io.scoreline.connectors.spi.ScorelineException;
import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.MappingCompiler;
import io.scoreline.mappings.Problem;
import io.scoreline.mappings.Provider;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A rule document read from disk and compiled against the stock catalog of its provider. */
record RuleDocumentFile(Path path, String text, CompileResult result) {

    static RuleDocumentFile read(Path path, Optional<Provider> provider) {
        String text;
        try {
            if (Files.size(path) > MappingCompiler.MAX_DOCUMENT_CHARS * 4L) {
                throw ScorelineException.badInput(path + ": the document is larger than "
                        + MappingCompiler.MAX_DOCUMENT_CHARS + " characters");
            }
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw ScorelineException.badInput(path + ": not UTF-8 text");
        } catch (IOException e) {
            throw new ScorelineException(FailureKind.BAD_INPUT, "cannot read " + path + ": " + e.getMessage());
        }
        return new RuleDocumentFile(path, text, MappingCompiler.compile(text, provider, FieldCatalog::stock));
    }

    /** Prints every problem as {@code FILE:LINE:COL: message} on stderr; returns whether the document is usable. */
    boolean report(java.io.PrintWriter err) {
        var problems = switch (result) {
            case CompileResult.Compiled compiled -> compiled.warnings();
            case CompileResult.Rejected rejected -> rejected.problems();
        };
        problems.stream().sorted(Problem.IN_DOCUMENT_ORDER).forEach(p -> err.println(p.format(path.toString())));
        err.flush();
        return result instanceof CompileResult.Compiled;
    }
}
