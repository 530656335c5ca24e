package io.scoreline.app.console.session;

import io.scoreline.pipeline.access.Scope;
import io.scoreline.pipeline.database.TenantTransactions;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The {@code console_sessions} rows, reached only through the owner-run functions of V35: a
 * session is found by its id's hash before anyone knows its organization.
 */
@Singleton
final class ConsoleSessionStore {

    private final TenantTransactions transactions;

    ConsoleSessionStore(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    void open(
            SessionId id,
            Optional<Long> organizationId,
            long keyId,
            Scope scope,
            String csrfToken,
            Instant at,
            Instant expiresAt) {
        transactions.withoutOrganization(tx -> tx.resultQuery(
                        "select scoreline_console_session_open(?, ?, ?, ?, ?, ?::timestamptz, ?::timestamptz)",
                        id.hash(),
                        organizationId.orElse(null),
                        keyId,
                        scope.key(),
                        csrfToken,
                        offset(at),
                        offset(expiresAt))
                .fetch());
    }

    /** The live session, its last use moved to {@code at}; an ended one is deleted and not found. */
    Optional<ConsoleSession> use(SessionId id, Instant at, Duration idle) {
        return transactions.withoutOrganization(tx -> tx.resultQuery(
                        "select organization_id, key_id, scope, csrf_token, expires_at "
                                + "from scoreline_console_session_use(?, ?::timestamptz, ?::interval)",
                        id.hash(),
                        offset(at),
                        idle.toString())
                .fetchOptional(r -> new ConsoleSession(
                        id,
                        Optional.ofNullable(r.get("organization_id", Long.class)),
                        r.get("key_id", Long.class),
                        Scope.parse(r.get("scope", String.class)),
                        r.get("csrf_token", String.class),
                        r.get("expires_at", OffsetDateTime.class).toInstant())));
    }

    /** @return whether the session had no organization and now has this one */
    boolean pick(SessionId id, long organizationId) {
        return transactions.withoutOrganization(tx -> tx.resultQuery(
                                "select scoreline_console_session_pick(?, ?) as picked", id.hash(), organizationId)
                        .fetchSingle()
                        .get("picked", Long.class))
                != null;
    }

    void close(SessionId id) {
        transactions.withoutOrganization(tx -> tx.resultQuery("select scoreline_console_session_close(?)", id.hash())
                .fetch());
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
