package io.scoreline.app.http.api;

import io.micronaut.http.HttpStatus;
import io.scoreline.connectors.spi.ConnectionOptions;
import io.scoreline.connectors.spi.CrmProfiles;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.integrations.CredentialFields;
import io.scoreline.pipeline.integrations.NewIntegration;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * Reads the body of {@code POST /api/v1/integrations} into the request {@code integration add}
 * makes, with the same checks, each failure naming the field to fix ({@code credentials.NAME} for
 * one credential). No message names a credential's value.
 */
final class IntegrationAddBody {

    private IntegrationAddBody() {}

    static NewIntegration read(JsonBody json) {
        var provider = JsonBody.validated("provider", json.requiredText("provider"), CrmProvider::fromKey);
        var credentials = JsonBody.validated(
                "credentials", "", ignored -> CredentialFields.resolve(provider, credentialValues(json, provider)));
        var loginUrl =
                option(json, "login_url", provider, v -> new ConnectionOptions(v, Optional.empty(), Optional.empty()));
        var baseUrl =
                option(json, "base_url", provider, v -> new ConnectionOptions(Optional.empty(), v, Optional.empty()));
        var portalId =
                option(json, "portal_id", provider, v -> new ConnectionOptions(Optional.empty(), Optional.empty(), v));
        var request = JsonBody.validated(
                "provider", "", ignored -> NewIntegration.of(0, provider, credentials, loginUrl, baseUrl, portalId));
        var orgId = Optional.ofNullable(json.text("salesforce_org_id"));
        var located = JsonBody.validated(
                "salesforce_org_id", orgId.orElse(null), ignored -> request.withWebhookAccountId(orgId));
        var shared = json.bool("allow_shared_account");
        return located.withSharedAccount(shared != null && shared);
    }

    /** The credentials object: strings only, each name one the provider takes (checked one by one to name it). */
    private static java.util.Map<String, String> credentialValues(JsonBody json, CrmProvider provider) {
        var node = json.node("credentials");
        if (node == null) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "missing_field", "is required", "credentials");
        }
        if (!node.isObject()) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "invalid_input",
                    "must be an object of credential names to strings",
                    "credentials");
        }
        var values = new LinkedHashMap<String, String>();
        for (var entry : node.properties()) {
            var field = "credentials." + entry.getKey();
            JsonBody.validated(field, entry.getKey(), name -> CredentialFields.requireKnown(provider, name));
            if (!entry.getValue().isTextual()) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", "must be a string", field);
            }
            values.put(entry.getKey(), entry.getValue().textValue());
        }
        return values;
    }

    /** One connection option, checked alone by the CRM's profile so that a refusal names it. */
    private static Optional<String> option(
            JsonBody json,
            String field,
            CrmProvider provider,
            java.util.function.Function<Optional<String>, ConnectionOptions> alone) {
        var value = Optional.ofNullable(json.text(field));
        if (value.isPresent()) {
            JsonBody.validated(field, value.get(), v -> CrmProfiles.of(provider).newSettings(alone.apply(value)));
        }
        return value;
    }
}
