package io.scoreline.pipeline.integrations;

import static io.scoreline.pipeline.db.Tables.INTEGRATIONS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.connectors.spi.CrmProfile;
import io.scoreline.connectors.spi.CrmProfiles;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.audit.AuditEntry;
import io.scoreline.pipeline.audit.AuditLog;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.db.tables.records.IntegrationsRecord;
import io.scoreline.pipeline.secrets.CredentialCipher;
import io.scoreline.pipeline.secrets.StoredKeyFingerprint;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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

    /** A new integration and, for a CRM posting to a secret URL, the secret of its webhook endpoint: the only time it is known. */
    public record Connected(Integration integration, Optional<EndpointSecret> endpointSecret) {}

    /**
     * Stores a new, active integration; one of a CRM that posts to a secret URL (Salesforce's outbound
     * messages) gets its endpoint secret in the same
     * insert, whose text the caller shows the operator once (ADR 0020). Refused (bad input) when
     * its CRM account is already held by an integration that is not paused, of any organization,
     * unless the request shares the account on purpose (ADR 0021): the database's index decides,
     * as it sees every tenant's rows.
     */
    public Connected connect(NewIntegration request) {
        return connect(request, Optional.empty());
    }

    /**
     * {@link #connect(NewIntegration)} with the audit row of the change in the same transaction
     * (ADR 0038): {@code audit} makes it from the stored integration, and never sees credentials.
     */
    public Connected connect(NewIntegration request, Function<Integration, AuditEntry> audit) {
        return connect(request, Optional.of(audit));
    }

    private Connected connect(NewIntegration request, Optional<Function<Integration, AuditEntry>> audit) {
        var keyed = verifiedCipher();
        var ciphertext = keyed.encrypt(request.credentials());
        var secret = CrmProfiles.of(request.provider()).usesEndpointSecret()
                ? Optional.of(EndpointSecret.generate())
                : Optional.<EndpointSecret>empty();
        try {
            return transactions.inOrganization(request.organizationId(), tx -> {
                // First, before any write to integrations: a rotation locks the fingerprint, then
                // integrations; taking them in the other order here could deadlock with it.
                StoredKeyFingerprint.recordOrRequire(tx, keyed.fingerprint());
                var row = tx.insertInto(INTEGRATIONS)
                        .set(INTEGRATIONS.ORGANIZATION_ID, request.organizationId())
                        .set(INTEGRATIONS.PROVIDER, request.provider().key())
                        .set(INTEGRATIONS.CREDENTIALS, ciphertext)
                        .set(INTEGRATIONS.SETTINGS, JSONB.valueOf(toJson(request.settings())))
                        .set(
                                INTEGRATIONS.EXTERNAL_ACCOUNT_ID,
                                request.externalAccountId().orElse(null))
                        .set(INTEGRATIONS.ACCOUNT_SHARED, request.sharedAccount())
                        .set(
                                INTEGRATIONS.ENDPOINT_SECRET_HASH,
                                secret.map(EndpointSecret::hash).orElse(null))
                        .returning()
                        .fetchSingle();
                // Spread hourly syncs over the hour so that integrations do not all fire at :00.
                row.setScheduleMinute(spreadMinute(row.getId()));
                row.store();
                var integration = toIntegration(row);
                audit.ifPresent(a -> AuditLog.append(tx, request.organizationId(), a.apply(integration)));
                return new Connected(integration, secret);
            });
        } catch (ScorelineException e) {
            throw AccountHolders.heldElsewhere(
                    e,
                    request.provider(),
                    request.externalAccountId(),
                    "; pause that integration first, or add this one with --allow-shared-account to share the account on purpose");
        }
    }

    /**
     * Stores the integration for a caller that posts no outbound messages to it: a Salesforce
     * integration's endpoint secret is not kept anywhere, so its endpoint refuses everything
     * until {@link #rotateEndpointSecret}.
     */
    public Integration add(NewIntegration request) {
        return connect(request).integration();
    }

    /**
     * Gives a Salesforce integration a new endpoint secret; the old one stops working with this
     * commit (the endpoint reads the hash on every request, nothing caches it).
     */
    public EndpointSecret rotateEndpointSecret(long organizationId, long integrationId) {
        var integration = find(organizationId, integrationId)
                .orElseThrow(() -> ScorelineException.notFound("no integration " + integrationId));
        var profile = CrmProfiles.of(integration.provider());
        if (!profile.usesEndpointSecret()) {
            var holders = CrmProfiles.all().stream()
                    .filter(CrmProfile::usesEndpointSecret)
                    .map(CrmProfile::displayName)
                    .collect(java.util.stream.Collectors.joining(" and "));
            throw ScorelineException.badInput("integration " + integrationId + " is "
                    + integration.provider().key() + ": only " + holders + " integrations have an endpoint secret ("
                    + profile.webhookAuthentication() + ")");
        }
        var secret = EndpointSecret.generate();
        transactions.inOrganization(
                organizationId,
                tx -> tx.update(INTEGRATIONS)
                        .set(INTEGRATIONS.ENDPOINT_SECRET_HASH, secret.hash())
                        .set(INTEGRATIONS.UPDATED_AT, org.jooq.impl.DSL.currentOffsetDateTime())
                        .where(INTEGRATIONS.ID.eq(integrationId))
                        .execute());
        return secret;
    }

    public List<Integration> list(long organizationId) {
        return transactions.inOrganization(
                organizationId,
                tx -> tx.selectFrom(INTEGRATIONS).orderBy(INTEGRATIONS.ID).fetch(IntegrationStore::toIntegration));
    }

    public Optional<Integration> find(long organizationId, long integrationId) {
        return transactions.inOrganization(
                organizationId,
                tx -> tx.selectFrom(INTEGRATIONS)
                        .where(INTEGRATIONS.ID.eq(integrationId))
                        .fetchOptional(IntegrationStore::toIntegration));
    }

    /**
     * Changes whether the integration syncs. The scheduler does not see this by itself: callers
     * pause or resume its job right after (see {@code IntegrationScheduler}).
     */
    public Integration setStatus(long organizationId, long integrationId, IntegrationStatus status) {
        return setStatus(organizationId, integrationId, status, Optional.empty());
    }

    /** {@link #setStatus(long, long, IntegrationStatus)} with its audit row in the same transaction. */
    public Integration setStatus(
            long organizationId, long integrationId, IntegrationStatus status, Optional<AuditEntry> audit) {
        try {
            return transactions
                    .inOrganization(organizationId, tx -> {
                        var changed = tx.update(INTEGRATIONS)
                                .set(INTEGRATIONS.STATUS, status.key())
                                .set(INTEGRATIONS.UPDATED_AT, org.jooq.impl.DSL.currentOffsetDateTime())
                                .where(INTEGRATIONS.ID.eq(integrationId))
                                .returning()
                                .fetchOptional(IntegrationStore::toIntegration);
                        if (changed.isPresent()) {
                            audit.ifPresent(a -> AuditLog.append(tx, organizationId, a));
                        }
                        return changed;
                    })
                    .orElseThrow(() -> ScorelineException.notFound("no integration " + integrationId));
        } catch (ScorelineException e) {
            // Only a move out of `paused` can collide: the index holds the account for one integration.
            throw find(organizationId, integrationId)
                    .map(i -> AccountHolders.heldElsewhere(
                            e,
                            i.provider(),
                            i.externalAccountId(),
                            "; integration " + integrationId + " stays paused until that one is paused"))
                    .orElse(e);
        }
    }

    /**
     * The integration with this id, whichever organization holds it: CLI commands name an
     * integration by id alone. The directory function answers without exposing tenant data.
     */
    public Integration require(long integrationId) {
        var organizationId = transactions.withoutOrganization(tx -> tx.resultQuery(
                        "select organization_id from scoreline_integration_directory() where id = ?", integrationId)
                .fetchOptional(0, Long.class));
        return organizationId
                .flatMap(org -> find(org, integrationId))
                .orElseThrow(() -> ScorelineException.notFound(
                        "no integration " + integrationId + " (see `scoreline integration list --org SLUG`)"));
    }

    /**
     * Appends an audit row in a transaction of its own, for a change made of several transactions
     * (a catalog read, a users sync) that is recorded once it is done.
     */
    public void audit(long organizationId, AuditEntry entry) {
        transactions.inOrganization(organizationId, tx -> {
            AuditLog.append(tx, organizationId, entry);
            return null;
        });
    }

    /** Decrypted credentials, in memory only. */
    public CrmCredentials credentials(long organizationId, long integrationId) {
        // One statement: the fingerprint belongs to the ciphertext read with it, even mid-rotation.
        var row = transactions
                .inOrganization(
                        organizationId,
                        tx -> tx.select(INTEGRATIONS.CREDENTIALS, StoredKeyFingerprint.field())
                                .from(INTEGRATIONS)
                                .where(INTEGRATIONS.ID.eq(integrationId))
                                .fetchOptional())
                .orElseThrow(() -> ScorelineException.notFound("no integration " + integrationId));
        var keyed = cipher.get();
        var stored = StoredKeyFingerprint.parse(row.value2());
        StoredKeyFingerprint.require(stored, keyed.fingerprint());
        var credentials = keyed.decrypt(row.value1());
        if (stored.isEmpty()) {
            // Credentials stored before fingerprints existed: the first key that decrypts them is theirs.
            transactions.withoutOrganization(tx -> {
                StoredKeyFingerprint.recordOrRequire(tx, keyed.fingerprint());
                return null;
            });
        }
        return credentials;
    }

    /**
     * The cipher, once the database agrees it has the right key. A database whose credentials
     * predate fingerprints records none until one of them is decrypted: do that first, so that a
     * wrong key cannot become the recorded one by storing a new credential.
     */
    private CredentialCipher verifiedCipher() {
        var keyed = cipher.get();
        var stored = transactions.withoutOrganization(StoredKeyFingerprint::read);
        if (stored.isPresent()) {
            StoredKeyFingerprint.require(stored, keyed.fingerprint());
            return keyed;
        }
        transactions
                .withoutOrganization(tx -> tx.resultQuery(
                                "select organization_id, id from scoreline_integration_directory() order by id limit 1")
                        .fetchOptional())
                .ifPresent(any -> credentials(any.get(0, Long.class), any.get(1, Long.class)));
        return keyed;
    }

    /**
     * Stores credentials the CRM rotated (a new OAuth refresh token), encrypted like {@link #add}.
     * Without this the next connection would log in with a token the CRM no longer accepts.
     */
    public void replaceCredentials(long organizationId, long integrationId, CrmCredentials credentials) {
        var keyed = cipher.get();
        var ciphertext = keyed.encrypt(credentials);
        int updated = transactions.inOrganization(organizationId, tx -> {
            StoredKeyFingerprint.recordOrRequire(tx, keyed.fingerprint());
            return tx.update(INTEGRATIONS)
                    .set(INTEGRATIONS.CREDENTIALS, ciphertext)
                    .set(INTEGRATIONS.UPDATED_AT, org.jooq.impl.DSL.currentOffsetDateTime())
                    .where(INTEGRATIONS.ID.eq(integrationId))
                    .execute();
        });
        if (updated == 0) {
            throw ScorelineException.notFound("no integration " + integrationId);
        }
    }

    static int spreadMinute(long integrationId) {
        // 23 is coprime with 60: consecutive ids land on minutes far apart.
        return (int) Math.floorMod(integrationId * 23, MINUTES_PER_HOUR);
    }

    private static Integration toIntegration(IntegrationsRecord row) {
        return new Integration(
                row.getId(),
                row.getOrganizationId(),
                CrmProvider.fromKey(row.getProvider()),
                IntegrationStatus.fromKey(row.getStatus()),
                fromJson(row.getSettings().data()),
                Optional.ofNullable(row.getExternalAccountId()),
                row.getScheduleMinute(),
                row.getCreatedAt().toInstant(),
                row.getEndpointSecretHash() != null);
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
            return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new ScorelineException(FailureKind.BUG, "stored integration settings are not a JSON object", e);
        }
    }
}
