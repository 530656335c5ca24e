package io.scoreline.app.http.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestAttribute;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.access.ApiCaller;
import io.scoreline.pipeline.access.Scope;

/** {@code GET /api/v1/openapi.json}: the document of every route, for any valid key. */
@Controller("/api/v1")
public class OpenApiController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenApiDocument document;
    private volatile String text;

    public OpenApiController(OpenApiDocument document) {
        this.document = document;
    }

    @Get(uri = "/openapi.json", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(scope = Scope.READ, audience = Audience.ANY, summary = "This document")
    public HttpResponse<String> openApi(@RequestAttribute(ApiGuard.CALLER) ApiCaller caller) {
        var body = text;
        if (body == null) {
            try {
                // The route table is fixed once the server runs: built once.
                body = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document.build());
            } catch (JsonProcessingException e) {
                throw new ScorelineException(
                        FailureKind.BUG, "cannot write the OpenAPI document: " + e.getMessage(), e);
            }
            text = body;
        }
        return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
