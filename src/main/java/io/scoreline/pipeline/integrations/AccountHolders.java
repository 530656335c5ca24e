package io.scoreline.pipeline.integrations;

import io.scoreline.connectors.spi.CrmProfiles;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import java.util.Optional;
import org.jooq.exception.DataAccessException;

/**
 * Turns the database's refusal of a second holder of one CRM account (V15's unique index, ADR
 * 0021) into a one-line message. The message names the account, never the organization that
 * holds it: the caller may be another tenant's operator.
 */
final class AccountHolders {

    private static final String UNIQUE_VIOLATION = "23505";

    private AccountHolders() {}

    /** The failure to throw for {@code failure}: the account message for a second holder, else the failure itself. */
    static ScorelineException heldElsewhere(
            ScorelineException failure, CrmProvider provider, Optional<String> account, String advice) {
        boolean secondHolder = failure.kind() == FailureKind.CONFLICT
                && account.isPresent()
                && failure.getCause() instanceof DataAccessException database
                && UNIQUE_VIOLATION.equals(database.sqlState());
        if (!secondHolder) {
            return failure;
        }
        var name = CrmProfiles.of(provider).accountLabel(account.get());
        return ScorelineException.badInput(name + " is already connected to an active integration (of this or another "
                + "organization)" + advice);
    }
}
