package io.scoreline.connectors.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.SchemaMismatch;
import org.junit.jupiter.api.Test;

class HubSpotFailuresTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSearchFilterOnAMissingPropertyIsSchemaDriftNamingTheProperty() throws Exception {
        var failure = HubSpotFailures.of("search calls", 400, json("""
                {"status":"error","category":"VALIDATION_ERROR","message":"There was a problem with the request.",
                 "errors":[{"message":"Property 'call_quality' does not exist","code":"INVALID_PROPERTY","in":"filterGroups"}]}
                """));
        assertThat(failure).isInstanceOf(SchemaMismatch.class);
        assertThat(failure.kind()).isEqualTo(FailureKind.SCHEMA);
        var mismatch = ((SchemaMismatch) failure).onObject("calls");
        assertThat(mismatch.objectType()).contains("calls");
        assertThat(mismatch.field()).contains("call_quality");
    }

    @Test
    void thePropertyFromTheDetailsContextWinsOverTheWording() throws Exception {
        var failure = HubSpotFailures.of("search calls", 400, json("""
                {"category":"VALIDATION_ERROR","errors":[{"message":"unknown","code":"INVALID_PROPERTY",
                 "context":{"propertyName":["call_rating"]}}]}
                """));
        assertThat(((SchemaMismatch) failure).field()).contains("call_rating");
    }

    @Test
    void otherValidationErrorsStayBadInput() throws Exception {
        var failure = HubSpotFailures.of("search calls", 400, json("""
                {"category":"VALIDATION_ERROR","message":"filterGroups too long","errors":[{"code":"TOO_MANY"}]}
                """));
        assertThat(failure).isNotInstanceOf(SchemaMismatch.class);
        assertThat(failure.kind()).isEqualTo(FailureKind.BAD_INPUT);
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
