package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.app.http.WebhookController;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.integrations.EndpointSecret;
import io.scoreline.pipeline.integrations.onboarding.IntegrationView;
import io.scoreline.pipeline.runs.SyncRun;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An integration as the API shows it: the fields and words of {@code integration list --json}.
 * Credentials are never part of it; a Salesforce endpoint secret only in the answer of the
 * {@code POST} that created it, the one time it is shown (ADR 0020).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record IntegrationBody(
        long id,
        String org,
        String provider,
        String status,
        @JsonProperty("external_account_id") @Nullable String externalAccountId,
        @JsonProperty("schedule_minute") int scheduleMinute,
        Map<String, String> settings,
        @JsonProperty("endpoint_secret_set") @Nullable Boolean endpointSecretSet,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("last_run") @Nullable LastRun lastRun,
        @JsonProperty("lag_seconds") @Nullable Long lagSeconds,

        @JsonProperty("endpoint_secret") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
        String endpointSecret,

        @JsonProperty("endpoint_path") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
        String endpointPath) {

    /** The newest run: the fields of {@code runs --json}. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record LastRun(
            long run,
            String trigger,
            String status,
            @JsonProperty("started_at") String startedAt,
            @JsonProperty("finished_at") @Nullable String finishedAt,
            @JsonProperty("error_kind") @Nullable String errorKind,
            @JsonProperty("error_message") @Nullable String errorMessage) {

        static LastRun of(SyncRun run) {
            return new LastRun(
                    run.id(),
                    run.trigger().key(),
                    run.status().key(),
                    run.startedAt().toString(),
                    run.finishedAt().map(Instant::toString).orElse(null),
                    run.errorKind().orElse(null),
                    run.errorMessage().orElse(null));
        }
    }

    static IntegrationBody of(IntegrationView view, String organizationSlug) {
        return of(view, organizationSlug, Optional.empty());
    }

    static IntegrationBody of(IntegrationView view, String organizationSlug, Optional<EndpointSecret> secret) {
        var integration = view.integration();
        return new IntegrationBody(
                integration.id(),
                organizationSlug,
                integration.provider().key(),
                integration.status().key(),
                integration.externalAccountId().orElse(null),
                integration.scheduleMinute(),
                integration.settings(),
                integration.provider() == CrmProvider.SALESFORCE ? integration.hasEndpointSecret() : null,
                integration.createdAt().toString(),
                view.lastRun().map(LastRun::of).orElse(null),
                view.lag().map(lag -> lag.toSeconds()).orElse(null),
                secret.map(EndpointSecret::text).orElse(null),
                secret.map(s -> WebhookController.path(integration.id(), s)).orElse(null));
    }
}
