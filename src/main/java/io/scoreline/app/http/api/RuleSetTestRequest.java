package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * The body of trying rules on records: the document, the records as the CRM's API returns them
 * (the lines of {@code mapping test --records}), and the HubSpot object type of records that do
 * not name their own ({@code --object}).
 */
@Serdeable
public record RuleSetTestRequest(
        String document,
        List<Map<String, Object>> records,
        @JsonProperty("object") String objectType) {}
