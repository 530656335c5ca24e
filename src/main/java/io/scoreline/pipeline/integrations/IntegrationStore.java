package io.scoreline.pipeline.integrations;

import static io.scoreline.pipeline.db.Tables.INTEGRATIONS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.connectors.spi.CrmProvider;
import io.scoreline.connectors.spi.FailureKind;
import io.scoreline.connectors.spi.ScorelineException;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.db.tables.records.IntegrationsRecord;
import io.scoreline.pipeline.secrets.CredentialCipher;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jooq.JSONB;

/** Stores integrations with their credentials encrypted; decrypts only on request. */
public final class IntegrationStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MINUTES_PER_HOUR = 60;

    private final TenantTransactions transactions;
    private final Supplier<CredentialCipher> cipher;

    /** The cipher is supplied lazily: listing integrations needs no master key. */
    public IntegrationStore(TenantTransactions transactions, Supplier<CredentialCipher> cipher) {
        this.transactions = transactions;
        this.cipher = cipher;
    }

    /**
     * Stores a new, active integration. Refused (bad input) when its CRM account is already held
     * by an integration that is not paused, of any organization, unless the request shares the
     * account on purpose (ADR 0021): the database's index decides, as it sees every tenant's rows.
     */
    public Integration add(NewIntegration request) {
        var ciphertext = cipher.get().encrypt(request.credentials());
        try {
            return transactions.inOrganization(request.organizationId(), tx -> {
                var row = tx.insertInto(INTEGRATIONS)
                        .set(INTEGRATIONS.ORGANIZATION_ID, request.organizationId())
                        .set(INTEGRATIONS.PROVIDER, request.provider().key())
                        .set(INTEGRATIONS.CREDENTIALS, ciphertext)
                        .set(INTEGRATIONS.SETTINGS, JSONB.valueOf(toJson(request.settings())))
                        .set(INTEGRATIONS.EXTERNAL_ACCOUNT_ID, request.externalAccountId().orElse(null))
                        .set(INTEGRATIONS.ACCOUNT_SHARED, request.sharedAccount())
                        .returning()
                        .fetchSingle();
                // Spread hourly syncs over the hour so that integrations do not all fire at :00.
                row.setScheduleMinute(spreadMinute(row.getId()));
                row.store();
                return toIntegration(row);
            });
        } catch (ScorelineException e) {
            throw AccountHolders.heldElsewhere(e, request.provider(), request.externalAccountId(),
                    "; pause that integration first, or add this one with --allow-shared-account to share the account on purpose");
        }
    }

    public List<Integration> list(long organizationId) {
        return transactions.inOrganization(organizationId, tx -> tx.selectFrom(INTEGRATIONS)
                .orderBy(INTEGRATIONS.ID)
                .fetch(IntegrationStore::toIntegration));
    }

    public Optional<Integration> find(long organizationId, long integrationId) {
        return transactions.inOrganization(organizationId, tx -> tx.selectFrom(INTEGRATIONS)
                .where(INTEGRATIONS.ID.eq(integrationId))
                .fetchOptional(IntegrationStore::toIntegration));
    }

    /**
     * Changes whether the integration syncs. The scheduler does not see this by itself: callers
     * pause or resume its job right after (see {@code IntegrationScheduler}).
     */
    public Integration setStatus(long organizationId, long integrationId, IntegrationStatus status) {
        try {
            return transactions.inOrganization(organizationId, tx -> tx.update(INTEGRATIONS)
                    .set(INTEGRATIONS.STATUS, status.key())
                    .set(INTEGRATIONS.UPDATED_AT, org.jooq.impl.DSL.currentOffsetDateTime())
                    .where(INTEGRATIONS.ID.eq(integrationId))
                    .returning()
                    .fetchOptional(IntegrationStore::toIntegration))
                    .orElseThrow(() -> ScorelineException.notFound("no integration " + integrationId));
        } catch (ScorelineException e) {
            // Only a move out of `paused` can collide: the index holds the account for one integration.
            throw find(organizationId, integrationId).map(i -> AccountHolders.heldElsewhere(e, i.provider(), i.externalAccountId(),
                    "; integration " + integrationId + " stays paused until that one is paused")).orElse(e);
        }
    }

    /**
     * The integration with this id, whichever organization holds it: CLI commands name an
     * integration by id alone. The directory function answers without exposing tenant data.
     */
    public Integration require(long integrationId) {
        var organizationId = transactions.withoutOrganization(tx -> tx
                .resultQuery("select organization_id from scoreline_integration_directory() where id = ?", integrationId)
                .fetchOptional(0, Long.class));
        return organizationId.flatMap(org -> find(org, integrationId)).orElseThrow(() -> ScorelineException.notFound(
                "no integration " + integrationId + " (see `scoreline integration list --org SLUG`)"));
    }

    /** Decrypted credentials, in memory only. */
    public CrmCredentials credentials(long organizationId, long integrationId) {
        var ciphertext = transactions.inOrganization(organizationId, tx -> tx.select(INTEGRATIONS.CREDENTIALS)
                .from(INTEGRATIONS)
                .where(INTEGRATIONS.ID.eq(integrationId))
                .fetchOptional(INTEGRATIONS.CREDENTIALS))
                .orElseThrow(() -> ScorelineException.notFound("no integration " + integrationId));
        return cipher.get().decrypt(ciphertext);
    }

    /**
     * Stores credentials the CRM rotated (a new OAuth refresh token), encrypted like {@link #add}.
     * Without this the next connection would log in with a token the CRM no longer accepts.
     */
    public void replaceCredentials(long organizationId, long integrationId, CrmCredentials credentials) {
        var ciphertext = cipher.get().encrypt(credentials);
        int updated = transactions.inOrganization(organizationId, tx -> tx.update(INTEGRATIONS)
                .set(INTEGRATIONS.CREDENTIALS, ciphertext)
                .set(INTEGRATIONS.UPDATED_AT, org.jooq.impl.DSL.currentOffsetDateTime())
                .where(INTEGRATIONS.ID.eq(integrationId))
                .execute());
        if (updated == 0) {
            throw ScorelineException.notFound("no integration " + integrationId);
        }
    }

    static int spreadMinute(long integrationId) {
        // 23 is coprime with 60: consecutive ids land on minutes far apart.
        return (int) Math.floorMod(integrationId * 23, MINUTES_PER_HOUR);
    }

    private static Integration toIntegration(IntegrationsRecord row) {
        return new Integration(row.getId(), row.getOrganizationId(), CrmProvider.fromKey(row.getProvider()),
                IntegrationStatus.fromKey(row.getStatus()), fromJson(row.getSettings().data()),
                Optional.ofNullable(row.getExternalAccountId()), row.getScheduleMinute(), row.getCreatedAt().toInstant());
    }

    private static String toJson(Map<String, String> settings) {
        try {
            return JSON.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new ScorelineException(FailureKind.BUG, "cannot serialize integration settings", e);
        }
    }

    private static Map<String, String> fromJson(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new ScorelineException(FailureKind.BUG, "stored integration settings are not a JSON object", e);
        }
    }
}
