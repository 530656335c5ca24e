package io.scoreline.app.http.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What storing a document did: the fields of {@code mapping set --json} ({@code stored} false when
 * the text is the active version's; {@code diff} against the version that was active; {@code missing}
 * one line per object whose stored records lack fields the rules read, which {@code remap} reads
 * again), and the document's warnings.
 */
@Serdeable
public record RuleSetStoredBody(
        long integration,
        int version,
        boolean stored,
        String diff,
        List<String> missing,
        List<RuleProblemBody> problems) {}
