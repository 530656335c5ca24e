package io.scoreline.app.demo;

import static io.scoreline.pipeline.db.Tables.PROFILES;
import static io.scoreline.pipeline.db.Tables.TEAMS;

import io.scoreline.gamification.contests.ContestStore;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.kpi.KpiValueReader;
import io.scoreline.pipeline.tenancy.Organization;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads the demo's summary back from the database. */
final class DemoSummaryReader {

    private final TenantTransactions transactions;
    private final KpiValueReader kpiValues;
    private final ContestStore contests;

    DemoSummaryReader(TenantTransactions transactions, KpiValueReader kpiValues, ContestStore contests) {
        this.transactions = transactions;
        this.kpiValues = kpiValues;
        this.contests = contests;
    }

    DemoSummary read(Organization organization, boolean replacedEarlier, LocalDate from, LocalDate to, long contestId,
            Map<String, URI> endpoints) {
        var totals = kpiValues.totals(organization.id(), Optional.of(from), Optional.of(to), Optional.empty(), false);
        var teams = transactions.inOrganization(organization.id(), tx -> tx.select(PROFILES.EMAIL, TEAMS.NAME)
                .from(PROFILES).join(TEAMS).on(TEAMS.ID.eq(PROFILES.TEAM_ID))
                .fetch().stream().collect(Collectors.toMap(r -> r.value1(), r -> r.value2())));
        return new DemoSummary(organization.slug(), replacedEarlier, from, to, totals, teams, contests.leaderboard(contestId), endpoints);
    }
}
