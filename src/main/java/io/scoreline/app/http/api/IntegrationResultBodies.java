package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.connectors.spi.ConnectionCheck;
import io.scoreline.pipeline.identities.CrmIdentity;
import io.scoreline.pipeline.identities.UsersSyncResult;
import io.scoreline.pipeline.integrations.onboarding.IntegrationOnboarding;
import io.scoreline.pipeline.people.TeamMove;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** What the operations on one integration answer, in the fields and words of their CLI {@code --json}. */
final class IntegrationResultBodies {

    private IntegrationResultBodies() {}

    /** {@code integration test --json}: settings and connection apart, so the caller knows what to fix. */
    @Serdeable
    record Check(long integration, String provider, String settings, String connection, String detail) {

        static Check of(IntegrationOnboarding.Checked checked) {
            var id = checked.integration().id();
            var provider = checked.integration().provider().key();
            return switch (checked.check()) {
                case ConnectionCheck.Passed passed ->
                    new Check(id, provider, "ok", "ok", passed.account() + ": " + passed.detail());
                case ConnectionCheck.SettingsInvalid invalid ->
                    new Check(id, provider, "invalid", "not tried", invalid.problem());
                case ConnectionCheck.ConnectionFailed failed ->
                    new Check(id, provider, "ok", failed.kind().name().toLowerCase(Locale.ROOT), failed.problem());
            };
        }
    }

    /** {@code integration pause|resume --json}. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record StatusChange(
            long integration,
            String status,
            @JsonProperty("schedule_changed") boolean scheduleChanged,
            @JsonProperty("next_sync") @Nullable String nextSync) {

        static StatusChange of(IntegrationOnboarding.StatusChanged changed) {
            return new StatusChange(
                    changed.integration().id(),
                    changed.status().key(),
                    changed.scheduleChanged(),
                    changed.nextSync().map(Instant::toString).orElse(null));
        }
    }

    /** {@code users sync --json}: with teams from the CRM also the people moved. */
    @Serdeable
    record UsersSync(
            long integration,
            int users,
            @JsonProperty("newly_linked") int newlyLinked,
            @JsonProperty("profiles_created") int profilesCreated,
            int unmatched,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            List<Move> moves,

            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("teams_created") @Nullable
            Integer teamsCreated,

            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("managers_changed") @Nullable
            Integer managersChanged) {

        static UsersSync of(long integrationId, UsersSyncResult result, boolean teamsFromCrm) {
            return new UsersSync(
                    integrationId,
                    result.usersSeen(),
                    result.newlyLinked(),
                    result.profilesCreated(),
                    result.unmatched(),
                    teamsFromCrm ? result.moves().stream().map(Move::of).toList() : null,
                    teamsFromCrm ? result.teamsCreated() : null,
                    teamsFromCrm ? result.managersChanged() : null);
        }
    }

    /** One person moved: {@code from} is null the first time they get a team. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Move(String email, @Nullable String from, String to) {
        static Move of(TeamMove move) {
            return new Move(move.email(), move.from().orElse(null), move.to());
        }
    }

    /** {@code users unmatched --json}. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Unmatched(
            @JsonProperty("crm_user_id") String crmUserId,
            @Nullable String email,
            @Nullable String name,
            boolean active) {

        static Unmatched of(CrmIdentity identity) {
            return new Unmatched(
                    identity.crmUserId(),
                    identity.email().orElse(null),
                    identity.name().orElse(null),
                    identity.active());
        }
    }
}
