package io.scoreline.gamification.contests;

import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.audit.Actor;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the contest of each period of every active series (ADR 0045): on each tick, the period
 * that contains today in the organization's time zone and the one after it, so the next contest is
 * scheduled before it starts. Periods that passed while no node ran are not created afterwards.
 * Each creation locks its series row and checks for the period first, and {@code (series_id,
 * starts_on)} is unique: two nodes ticking at once create each period once.
 */
final class ContestSeriesScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(ContestSeriesScheduler.class);

    private record DirectoryEntry(long id, long organizationId, ZoneId zone, Recurrence every, LocalDate anchorOn) {}

    private final TenantTransactions transactions;
    private final OrganizationStore organizations;
    private final Clock clock;

    ContestSeriesScheduler(TenantTransactions transactions, Clock clock) {
        this.transactions = transactions;
        this.organizations = new OrganizationStore(transactions);
        this.clock = clock;
    }

    /** @return the number of contests this call created */
    int createDue() {
        int created = 0;
        for (var entry : directory()) {
            var today = clock.instant().atZone(entry.zone()).toLocalDate();
            long current = Math.max(0, entry.every().periodOf(entry.anchorOn(), today));
            for (long n = current; n <= current + 1; n++) {
                if (createLogged(entry, n)) {
                    created++;
                }
            }
        }
        return created;
    }

    private boolean createLogged(DirectoryEntry entry, long n) {
        try {
            return create(entry, n);
        } catch (ScorelineException e) {
            // Say, every named participant has left: the next tick tries again, the operator sees why.
            LOG.warn(
                    "Contest series {} of organization {} could not create period {}; next tick retries: {}",
                    entry.id(),
                    entry.organizationId(),
                    n,
                    e.getMessage());
            return false;
        }
    }

    private boolean create(DirectoryEntry entry, long n) {
        var organization = organizations.get(entry.organizationId());
        return transactions.inOrganization(entry.organizationId(), tx -> {
            var series = ContestSeriesStore.lockActive(tx, entry.id());
            if (series.isEmpty()
                    || ContestSeriesStore.hasPeriod(
                            tx, entry.id(), entry.every().start(entry.anchorOn(), n))) {
                return false;
            }
            var created = ContestStore.insert(
                    tx,
                    organization,
                    ContestSeriesStore.period(series.get(), n),
                    Optional.of(entry.id()),
                    Actor.OPERATOR);
            LOG.info(
                    "Contest series {} of organization {}: contest {} for {} to {}",
                    entry.id(),
                    entry.organizationId(),
                    created.contest().id(),
                    created.contest().startsOn(),
                    created.contest().endsOn());
            return true;
        });
    }

    private List<DirectoryEntry> directory() {
        return transactions.withoutOrganization(tx -> tx.resultQuery(
                        "select id, organization_id, timezone, every, anchor_on from scoreline_contest_series_directory() order by id")
                .fetch(r -> new DirectoryEntry(
                        r.get("id", Long.class),
                        r.get("organization_id", Long.class),
                        ZoneId.of(r.get("timezone", String.class)),
                        Recurrence.fromKey(r.get("every", String.class)),
                        r.get("anchor_on", LocalDate.class))));
    }
}
