package io.scoreline.pipeline.kpi;

import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * KPI values of an organization by id (the API's {@code /kpi-values}): grouped by day, week, month
 * or the whole window, filtered by KPI, person or team (with its sub-teams), one page at a time;
 * and the totals of {@code kpi show} and {@code kpi teams} over the same kind of window. Days are
 * the organization's; "today", for the default window, is today in its time zone.
 */
@Singleton
public final class KpiValues {

    private final OrganizationStore organizations;
    private final KpiValueGroups groups;
    private final KpiValueReader totals;
    private final Clock clock;

    @Inject
    public KpiValues(OrganizationStore organizations, KpiValueGroups groups, KpiValueReader totals, Clock clock) {
        this.organizations = organizations;
        this.groups = groups;
        this.totals = totals;
        this.clock = clock;
    }

    /**
     * @throws KpiInputRefused for a window that runs backwards or is too long, an unknown KPI or a
     *     cursor that is not one
     * @throws io.scoreline.failure.ScorelineException not found for an organization, profile or
     *     team id the organization does not have
     */
    public KpiValuePage values(long organizationId, KpiValueQuery query) {
        var organization = organizations.require(organizationId);
        return groups.page(organization, query, window(organization, query.from(), query.to()));
    }

    /** Totals per person and KPI over a window: {@code kpi show}'s, for the window given. */
    public record PersonTotals(KpiWindow window, List<KpiTotal> totals) {
        public PersonTotals {
            totals = List.copyOf(totals);
        }
    }

    /** Totals per team (with its sub-teams) and KPI over a window: {@code kpi teams}'s. */
    public record TeamTotals(KpiWindow window, List<TeamKpiTotal> totals) {
        public TeamTotals {
            totals = List.copyOf(totals);
        }
    }

    /** @throws KpiInputRefused for a window that runs backwards or is too long */
    public PersonTotals personTotals(long organizationId, Optional<LocalDate> from, Optional<LocalDate> to) {
        var organization = organizations.require(organizationId);
        var window = window(organization, from, to);
        return new PersonTotals(
                window,
                totals.totals(
                        organization.id(),
                        Optional.of(window.from()),
                        Optional.of(window.to()),
                        Optional.empty(),
                        false));
    }

    /** @throws KpiInputRefused for a window that runs backwards or is too long */
    public TeamTotals teamTotals(long organizationId, Optional<LocalDate> from, Optional<LocalDate> to) {
        var organization = organizations.require(organizationId);
        var window = window(organization, from, to);
        return new TeamTotals(
                window, totals.teamTotals(organization.id(), Optional.of(window.from()), Optional.of(window.to())));
    }

    private KpiWindow window(Organization organization, Optional<LocalDate> from, Optional<LocalDate> to) {
        return KpiWindow.of(
                from, to, clock.instant().atZone(organization.timezone()).toLocalDate());
    }
}
