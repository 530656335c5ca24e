package io.scoreline.pipeline.access;

import static io.scoreline.pipeline.db.Tables.API_KEYS;

import io.scoreline.pipeline.audit.AuditEntry;
import io.scoreline.pipeline.audit.AuditLog;
import io.scoreline.pipeline.database.TenantTransactions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.Record;

/**
 * The {@code api_keys} rows. An organization's keys are written and listed in its own
 * transactions; what crosses tenants (finding a bearer's key, platform keys, revoking by id) goes
 * through the owner-run functions of V24, each of which does one narrow thing.
 */
@Singleton
public final class ApiKeyStore {

    private final TenantTransactions transactions;

    @Inject
    public ApiKeyStore(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** @return the new key's id */
    long insert(
            long organizationId,
            ApiKeyText key,
            String hash,
            String name,
            Scope scope,
            Optional<Instant> expiresAt,
            AuditEntryFactory audit) {
        return transactions.inOrganization(organizationId, tx -> {
            long id = tx.insertInto(API_KEYS)
                    .set(API_KEYS.ORGANIZATION_ID, organizationId)
                    .set(API_KEYS.PREFIX, key.prefix())
                    .set(API_KEYS.HASH, hash)
                    .set(API_KEYS.NAME, name)
                    .set(API_KEYS.SCOPES, scope.key())
                    .set(API_KEYS.EXPIRES_AT, expiresAt.map(ApiKeyStore::offset).orElse(null))
                    .returning(API_KEYS.ID)
                    .fetchSingle()
                    .getId();
            AuditLog.append(tx, organizationId, audit.entry(id));
            return id;
        });
    }

    /** The audit row of a key, once its id is known. */
    @FunctionalInterface
    interface AuditEntryFactory {
        AuditEntry entry(long keyId);
    }

    long insertPlatform(ApiKeyText key, String hash, String name, Optional<Instant> expiresAt) {
        return transactions.withoutOrganization(tx -> tx.resultQuery(
                        "select id from scoreline_platform_api_key_create(?, ?, ?, ?::timestamptz)",
                        key.prefix(),
                        hash,
                        name,
                        expiresAt.map(ApiKeyStore::offset).orElse(null))
                .fetchSingle()
                .get("id", Long.class));
    }

    List<ApiKeyInfo> list(long organizationId) {
        return transactions.inOrganization(
                organizationId,
                tx -> tx.select(
                                API_KEYS.ID,
                                API_KEYS.PREFIX,
                                API_KEYS.NAME,
                                API_KEYS.SCOPES,
                                API_KEYS.CREATED_AT,
                                API_KEYS.LAST_USED_AT,
                                API_KEYS.EXPIRES_AT,
                                API_KEYS.REVOKED_AT)
                        .from(API_KEYS)
                        .where(API_KEYS.ORGANIZATION_ID.eq(organizationId))
                        .orderBy(API_KEYS.ID)
                        .fetch(ApiKeyStore::info));
    }

    List<ApiKeyInfo> listPlatform() {
        return transactions.withoutOrganization(tx -> tx.resultQuery(
                        "select id, prefix, name, scopes, created_at, last_used_at, expires_at, revoked_at "
                                + "from scoreline_platform_api_keys()")
                .fetch(ApiKeyStore::info));
    }

    Optional<StoredApiKey> byPrefix(String prefix) {
        return transactions.withoutOrganization(tx -> tx.resultQuery(
                        "select id, organization_id, hash, scopes, expires_at, revoked_at, last_used_at "
                                + "from scoreline_api_key_by_prefix(?)",
                        prefix)
                .fetchOptional(r -> new StoredApiKey(
                        r.get("id", Long.class),
                        Optional.ofNullable(r.get("organization_id", Long.class)),
                        r.get("hash", String.class),
                        Scope.parse(r.get("scopes", String.class)),
                        instant(r, "expires_at"),
                        instant(r, "revoked_at"),
                        instant(r, "last_used_at"))));
    }

    /** Records a use; the function skips the write when the last one is under a minute old. */
    void used(long id, Instant at) {
        transactions.withoutOrganization(
                tx -> tx.resultQuery("select scoreline_api_key_used(?, ?::timestamptz)", id, offset(at))
                        .fetch());
    }

    /** Revoked keys, with their organization (empty for a platform key); empty when no key has that id. */
    Optional<RevokedKey> revoke(long id, Instant at) {
        return transactions.withoutOrganization(tx -> tx.resultQuery(
                        "select id, organization_id, revoked_at from scoreline_api_key_revoke(?, ?::timestamptz)",
                        id,
                        offset(at))
                .fetchOptional(r -> new RevokedKey(
                        r.get("id", Long.class),
                        Optional.ofNullable(r.get("organization_id", Long.class)),
                        r.get("revoked_at", OffsetDateTime.class).toInstant())));
    }

    /** Appends the audit row of a revocation in the key's organization. */
    void audit(long organizationId, AuditEntry entry) {
        transactions.inOrganization(organizationId, tx -> {
            AuditLog.append(tx, organizationId, entry);
            return null;
        });
    }

    record RevokedKey(long id, Optional<Long> organizationId, Instant revokedAt) {}

    private static ApiKeyInfo info(Record r) {
        return new ApiKeyInfo(
                r.get("id", Long.class),
                ApiKeyText.MARK + r.get("prefix", String.class),
                r.get("name", String.class),
                Scope.parse(r.get("scopes", String.class)),
                r.get("created_at", OffsetDateTime.class).toInstant(),
                instant(r, "last_used_at"),
                instant(r, "expires_at"),
                instant(r, "revoked_at"));
    }

    private static Optional<Instant> instant(Record r, String field) {
        return Optional.ofNullable(r.get(field, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
