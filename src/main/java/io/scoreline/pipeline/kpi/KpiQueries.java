package io.scoreline.pipeline.kpi;

import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** KPI queries: totals of an organization's people over a window of days in the organization's time zone. */
@Singleton
public final class KpiQueries {

    private final OrganizationStore organizations;
    private final KpiValueReader values;

    @Inject
    public KpiQueries(OrganizationStore organizations, KpiValueReader values) {
        this.organizations = organizations;
        this.values = values;
    }

    /** The organization the totals are of, and the totals: per person and KPI, or per person, KPI and day. */
    public record KpiTotals(Organization organization, List<KpiTotal> totals) {
        public KpiTotals {
            totals = List.copyOf(totals);
        }
    }

    /**
     * @param from first day, empty for all history; {@code to} last day, inclusive
     * @throws io.scoreline.failure.ScorelineException not found when there is no such organization
     */
    public KpiTotals totals(
            String organizationSlug,
            Optional<LocalDate> from,
            Optional<LocalDate> to,
            Optional<String> profileEmail,
            boolean byDay) {
        return totals(organizations.require(organizationSlug), from, to, profileEmail, byDay);
    }

    /** {@link #totals(String, Optional, Optional, Optional, boolean)} of the organization with this id (the API's). */
    public KpiTotals totals(
            long organizationId,
            Optional<LocalDate> from,
            Optional<LocalDate> to,
            Optional<String> profileEmail,
            boolean byDay) {
        return totals(organizations.require(organizationId), from, to, profileEmail, byDay);
    }

    private KpiTotals totals(
            Organization organization,
            Optional<LocalDate> from,
            Optional<LocalDate> to,
            Optional<String> profileEmail,
            boolean byDay) {
        return new KpiTotals(organization, values.totals(organization.id(), from, to, profileEmail, byDay));
    }

    /** The organization and its team totals: per team (with all its sub-teams) and KPI. */
    public record TeamTotals(Organization organization, List<TeamKpiTotal> totals) {
        public TeamTotals {
            totals = List.copyOf(totals);
        }
    }

    /**
     * Totals per team and KPI, each team including its sub-teams, by the teams people are in now.
     *
     * @throws io.scoreline.failure.ScorelineException not found when there is no such organization
     */
    public TeamTotals teamTotals(String organizationSlug, Optional<LocalDate> from, Optional<LocalDate> to) {
        var organization = organizations.require(organizationSlug);
        return new TeamTotals(organization, values.teamTotals(organization.id(), from, to));
    }

    /** {@link #teamTotals(String, Optional, Optional)} of the organization with this id (the API's). */
    public TeamTotals teamTotals(long organizationId, Optional<LocalDate> from, Optional<LocalDate> to) {
        var organization = organizations.require(organizationId);
        return new TeamTotals(organization, values.teamTotals(organization.id(), from, to));
    }
}
