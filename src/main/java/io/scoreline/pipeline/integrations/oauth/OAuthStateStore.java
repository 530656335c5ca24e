package io.scoreline.pipeline.integrations.oauth;

import static io.scoreline.pipeline.db.Tables.OAUTH_STATES;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.db.tables.records.OauthStatesRecord;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jooq.JSONB;

/** The {@code oauth_states} rows: written in the organization's transaction, taken by state hash. */
public final class OAuthStateStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A taken state: the attempt's id and organization, and when it had been taken before (a replay). */
    record Taken(long id, long organizationId, Optional<Instant> usedBefore) {}

    /** What {@link #insert} stores; the hash stands for the state, which is never stored. */
    record NewAttempt(
            long organizationId,
            String stateHash,
            CrmProvider provider,
            Map<String, String> settings,
            Optional<String> externalAccountId,
            OptionalLong reconnectId,
            URI redirectUri,
            Optional<String> returnTo,
            Optional<String> codeVerifier,
            String actor,
            Instant createdAt,
            Instant expiresAt) {}

    private final TenantTransactions transactions;

    public OAuthStateStore(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    long insert(NewAttempt attempt) {
        return transactions.inOrganization(
                attempt.organizationId(),
                tx -> tx.insertInto(OAUTH_STATES)
                        .set(OAUTH_STATES.ORGANIZATION_ID, attempt.organizationId())
                        .set(OAUTH_STATES.STATE_HASH, attempt.stateHash())
                        .set(OAUTH_STATES.PROVIDER, attempt.provider().key())
                        .set(OAUTH_STATES.SETTINGS, JSONB.valueOf(json(attempt.settings())))
                        .set(
                                OAUTH_STATES.EXTERNAL_ACCOUNT_ID,
                                attempt.externalAccountId().orElse(null))
                        .set(
                                OAUTH_STATES.RECONNECT_ID,
                                attempt.reconnectId().isPresent()
                                        ? attempt.reconnectId().getAsLong()
                                        : null)
                        .set(OAUTH_STATES.REDIRECT_URI, attempt.redirectUri().toString())
                        .set(OAUTH_STATES.RETURN_TO, attempt.returnTo().orElse(null))
                        .set(OAUTH_STATES.CODE_VERIFIER, attempt.codeVerifier().orElse(null))
                        .set(OAUTH_STATES.ACTOR, attempt.actor())
                        .set(OAUTH_STATES.CREATED_AT, offset(attempt.createdAt()))
                        .set(OAUTH_STATES.EXPIRES_AT, offset(attempt.expiresAt()))
                        .returning(OAUTH_STATES.ID)
                        .fetchSingle()
                        .getId());
    }

    /** Marks the attempt of this state hash used (once) and names it; empty when no attempt has it. */
    Optional<Taken> take(String stateHash, Instant at) {
        return transactions.withoutOrganization(tx -> tx.resultQuery(
                        "select id, organization_id, used_before from scoreline_oauth_state_take(?, ?::timestamptz)",
                        stateHash,
                        offset(at))
                .fetchOptional(r -> new Taken(
                        r.get("id", Long.class),
                        r.get("organization_id", Long.class),
                        Optional.ofNullable(r.get("used_before", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant))));
    }

    /** The attempt, if it is this organization's. */
    Optional<OAuthAttempt> find(long organizationId, long id) {
        return transactions.inOrganization(
                organizationId,
                tx -> tx.selectFrom(OAUTH_STATES)
                        .where(OAUTH_STATES.ID.eq(id))
                        .fetchOptional(OAuthStateStore::attempt));
    }

    void finish(long organizationId, long id, OAuthOutcome outcome) {
        transactions.inOrganization(
                organizationId,
                tx -> tx.update(OAUTH_STATES)
                        .set(OAUTH_STATES.OUTCOME, outcome.connected() ? "connected" : outcomeOf(outcome.reason()))
                        .set(OAUTH_STATES.OUTCOME_MESSAGE, outcome.message())
                        .set(
                                OAUTH_STATES.INTEGRATION_ID,
                                outcome.integrationId().isPresent()
                                        ? outcome.integrationId().getAsLong()
                                        : null)
                        .where(OAUTH_STATES.ID.eq(id))
                        .execute());
    }

    private static String outcomeOf(String reason) {
        return OAuthFailure.Reason.DENIED.key().equals(reason) ? "denied" : "failed";
    }

    private static OAuthAttempt attempt(OauthStatesRecord row) {
        Optional<OAuthOutcome> outcome = Optional.ofNullable(row.getOutcome())
                .map(o -> new OAuthOutcome(
                        o.equals("connected"),
                        row.getIntegrationId() == null ? OptionalLong.empty() : OptionalLong.of(row.getIntegrationId()),
                        o.equals("denied") ? OAuthFailure.Reason.DENIED.key() : o,
                        Optional.ofNullable(row.getOutcomeMessage()).orElse("")));
        return new OAuthAttempt(
                row.getId(),
                row.getOrganizationId(),
                CrmProvider.fromKey(row.getProvider()),
                map(row.getSettings().data()),
                Optional.ofNullable(row.getExternalAccountId()),
                row.getReconnectId() == null ? OptionalLong.empty() : OptionalLong.of(row.getReconnectId()),
                URI.create(row.getRedirectUri()),
                Optional.ofNullable(row.getReturnTo()),
                Optional.ofNullable(row.getCodeVerifier()),
                row.getActor(),
                row.getExpiresAt().toInstant(),
                outcome);
    }

    private static OffsetDateTime offset(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static String json(Map<String, String> settings) {
        try {
            return JSON.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new ScorelineException(FailureKind.BUG, "settings are not JSON: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> map(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new ScorelineException(FailureKind.BUG, "stored settings are not JSON: " + e.getMessage(), e);
        }
    }
}
