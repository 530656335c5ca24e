package io.scoreline.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Text parsed as JSON, failing the test with the text when it is not. Apart from {@link ApiClient}
 * so that {@link CliRun}, which unit tests use, reaches no server.
 */
public final class ParsedJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ParsedJson() {}

    public static JsonNode of(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
