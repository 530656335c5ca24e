package io.scoreline.app.cli.integration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.integrations.EndpointSecret;
import io.scoreline.pipeline.integrations.Integration;
import io.scoreline.pipeline.integrations.onboarding.IntegrationView;
import io.scoreline.pipeline.runs.SyncRun;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON line of one integration. Credentials are never part of it; the endpoint secret only
 * in the answer of {@code integration add}, the one time it is shown (ADR 0020).
 *
 * @param endpointSecretSet Salesforce only: an integration without one (added before V14) refuses every outbound message
 */
record IntegrationJson(
        long id,
        String org,
        String provider,
        String status,
        @JsonProperty("external_account_id") String externalAccountId,
        @JsonProperty("schedule_minute") int scheduleMinute,
        Map<String, String> settings,
        @JsonProperty("endpoint_secret_set") Boolean endpointSecretSet,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("last_run") LastRunJson lastRun,
        @JsonProperty("lag_seconds") Long lagSeconds,

        @JsonProperty("endpoint_secret") @JsonInclude(JsonInclude.Include.NON_NULL)
        String endpointSecret,

        @JsonProperty("endpoint_path") @JsonInclude(JsonInclude.Include.NON_NULL)
        String endpointPath) {

    /** The newest run: the fields of {@code runs --json}. */
    record LastRunJson(
            long run,
            String trigger,
            String status,
            @JsonProperty("started_at") String startedAt,
            @JsonProperty("finished_at") String finishedAt,
            @JsonProperty("error_kind") String errorKind,
            @JsonProperty("error_message") String errorMessage) {

        static LastRunJson of(SyncRun run) {
            return new LastRunJson(
                    run.id(),
                    run.trigger().key(),
                    run.status().key(),
                    run.startedAt().toString(),
                    run.finishedAt().map(Instant::toString).orElse(null),
                    run.errorKind().orElse(null),
                    run.errorMessage().orElse(null));
        }
    }

    /** A line of {@code integration list}: with the newest run and the lag. */
    static IntegrationJson of(IntegrationView view, String organizationSlug) {
        return of(view.integration(), organizationSlug, Optional.empty(), view.lastRun(), view.lag());
    }

    static IntegrationJson of(Integration integration, String organizationSlug, Optional<EndpointSecret> secret) {
        return of(integration, organizationSlug, secret, Optional.empty(), Optional.empty());
    }

    private static IntegrationJson of(
            Integration integration,
            String organizationSlug,
            Optional<EndpointSecret> secret,
            Optional<SyncRun> lastRun,
            Optional<Duration> lag) {
        return new IntegrationJson(
                integration.id(),
                organizationSlug,
                integration.provider().key(),
                integration.status().key(),
                integration.externalAccountId().orElse(null),
                integration.scheduleMinute(),
                integration.settings(),
                integration.provider() == CrmProvider.SALESFORCE ? integration.hasEndpointSecret() : null,
                integration.createdAt().toString(),
                lastRun.map(LastRunJson::of).orElse(null),
                lag.map(Duration::toSeconds).orElse(null),
                secret.map(EndpointSecret::text).orElse(null),
                secret.map(s -> EndpointSecretOutput.path(integration, s)).orElse(null));
    }
}
