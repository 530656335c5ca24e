package io.scoreline.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;

/** Stored JSON text (evidence, payloads) as a tree, so {@code --json} output nests it instead of quoting it. */
public final class JsonText {

    private JsonText() {}

    public static JsonNode parse(String text) {
        try {
            return CliOutput.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ScorelineException(FailureKind.BUG, "stored JSON is malformed: " + e.getOriginalMessage(), e);
        }
    }
}
