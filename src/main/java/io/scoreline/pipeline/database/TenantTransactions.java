package io.scoreline.pipeline.database;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Runs a unit of work in one transaction for one organization. Row-level security keys every
 * tenant table on the transaction-local setting {@code scoreline.org_id}, so work done here can
 * neither see nor write another organization's rows, whatever its queries forget to filter.
 */
public final class TenantTransactions {

    private final DSLContext dsl;

    public TenantTransactions(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Runs {@code work} in a transaction scoped to {@code organizationId}; commits on return. Work
     * confined to another organization ({@link OrganizationConfinement}) is refused as not found.
     */
    public <T> T inOrganization(long organizationId, Function<DSLContext, T> work) {
        OrganizationConfinement.admit(organizationId);
        return run(tx -> {
            tx.select(DSL.field(
                            "set_config('scoreline.org_id', {0}, true)",
                            String.class, DSL.val(Long.toString(organizationId))))
                    .fetch();
            return work.apply(tx);
        });
    }

    /**
     * Runs {@code work} in a transaction that names no organization: tenant tables look empty,
     * only the directory functions answer. For cross-tenant look-ups such as routing.
     */
    public <T> T withoutOrganization(Function<DSLContext, T> work) {
        return run(work);
    }

    private <T> T run(Function<DSLContext, T> work) {
        try {
            return dsl.transactionResult(configuration -> work.apply(DSL.using(configuration)));
        } catch (DataAccessException e) {
            throw DatabaseFailures.classify(e);
        } catch (ScorelineException e) {
            throw e;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof ScorelineException inner) {
                throw inner;
            }
            throw new ScorelineException(FailureKind.BUG, "unit of work failed: " + e.getMessage(), e);
        }
    }
}
