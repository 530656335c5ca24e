package io.scoreline.gamification.goals;

import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.tenancy.NewOrganization;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import java.time.LocalDate;

/**
 * The rows goal tests start from, written straight into a real database: organizations in
 * Europe/Berlin with weeks from Monday, teams, profiles, goals and daily KPI cells. Shared by the
 * goal tests of the pipeline (resolution) and of the use cases (history, pace, progress).
 */
public final class GoalFixture {

    private final TenantTransactions transactions;

    public GoalFixture(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    public Organization organization(String slug) {
        return new OrganizationStore(transactions).create(NewOrganization.of(slug, slug, "Europe/Berlin", "monday"));
    }

    public long team(Organization org, String name, Long parent) {
        return transactions.inOrganization(
                org.id(),
                tx -> tx.fetchSingle(
                                "insert into teams (organization_id, name, parent_id) values (?, ?, ?) returning id",
                                org.id(),
                                name,
                                parent)
                        .get(0, Long.class));
    }

    /** An active rep. */
    public long profile(Organization org, String email, Long team) {
        return profile(org, email, team, "rep", true);
    }

    public long profile(Organization org, String email, Long team, String role, boolean active) {
        return transactions.inOrganization(
                org.id(),
                tx -> tx.fetchSingle(
                                "insert into profiles (organization_id, email, team_id, role, active) values (?, ?, ?, ?, ?) returning id",
                                org.id(),
                                email,
                                team,
                                role,
                                active)
                        .get(0, Long.class));
    }

    /**
     * A goal row of {@code kind} (person, team, role, team_members) on {@code kpi}, running from
     * {@code startsOn} with no end; the subject columns that do not apply are null.
     */
    public long goal(
            long organizationId,
            String kpi,
            String periodUnit,
            String kind,
            Long profile,
            Long team,
            String role,
            String target,
            LocalDate startsOn) {
        return transactions.inOrganization(
                organizationId,
                tx -> tx.fetchSingle(
                                "insert into goals (organization_id, kpi_key, period_unit, subject_kind, profile_id, team_id, role, target, starts_on) "
                                        + "values (?, ?, ?, ?, ?, ?, ?, ?::numeric, ?) returning id",
                                organizationId,
                                kpi,
                                periodUnit,
                                kind,
                                profile,
                                team,
                                role,
                                target,
                                startsOn)
                        .get(0, Long.class));
    }

    /** A daily cell of {@code value} facts worth 1 each, as the page writer would have summed them. */
    public void value(Organization org, long profile, String kpi, LocalDate day, int value) {
        transactions.inOrganization(
                org.id(),
                tx -> tx.execute(
                        "insert into kpi_values (organization_id, profile_id, kpi_key, period_date, value, fact_count) values (?, ?, ?, ?, ?, ?)",
                        org.id(),
                        profile,
                        kpi,
                        day,
                        value,
                        value));
    }
}
