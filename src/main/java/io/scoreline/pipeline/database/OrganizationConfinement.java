package io.scoreline.pipeline.database;

import io.scoreline.failure.ScorelineException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Confines the work of a caller to one organization, whatever ids it names: while confined,
 * {@link TenantTransactions#inOrganization} refuses any other organization as not found, so a use
 * case that looks up another organization's integration, team or contest by id fails exactly as if
 * that thing did not exist. The API confines every request to its key's organization (ADR 0038);
 * the CLI, run by the operator on the database host, is not confined.
 *
 * <p>A scoped value, so the confinement ends with the call that bound it and cannot leak into the
 * next request served on the same thread. Work handed to another thread is not confined; a use
 * case that does so resolves and checks its organization first.
 */
public final class OrganizationConfinement {

    private static final ScopedValue<Long> ORGANIZATION = ScopedValue.newInstance();

    private OrganizationConfinement() {}

    /** Runs {@code work} confined to {@code organizationId}. */
    public static <T> T confined(long organizationId, Supplier<T> work) {
        return ScopedValue.where(ORGANIZATION, organizationId).call(work::get);
    }

    /** The organization the current work is confined to, if any. */
    public static Optional<Long> current() {
        return ORGANIZATION.isBound() ? Optional.of(ORGANIZATION.get()) : Optional.empty();
    }

    /** Refuses {@code organizationId} as not found when the current work is confined to another one. */
    public static void admit(long organizationId) {
        if (ORGANIZATION.isBound() && ORGANIZATION.get() != organizationId) {
            throw ScorelineException.notFound("not found");
        }
    }
}
