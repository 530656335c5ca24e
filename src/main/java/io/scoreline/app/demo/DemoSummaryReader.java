package io.scoreline.app.demo;

import static io.scoreline.pipeline.db.Tables.PROFILES;
import static io.scoreline.pipeline.db.Tables.TEAMS;

import io.scoreline.app.view.GoalProgressView;
import io.scoreline.gamification.badges.AwardReader;
import io.scoreline.gamification.contests.ContestStore;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.kpi.KpiTotal;
import io.scoreline.pipeline.kpi.KpiValueReader;
import io.scoreline.pipeline.tenancy.Organization;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Reads the demo's summary back from the database. */
final class DemoSummaryReader {

    private final TenantTransactions transactions;
    private final KpiValueReader kpiValues;
    private final ContestStore contests;
    private final AwardReader awards;

    DemoSummaryReader(
            TenantTransactions transactions, KpiValueReader kpiValues, ContestStore contests, AwardReader awards) {
        this.awards = awards;
        this.transactions = transactions;
        this.kpiValues = kpiValues;
        this.contests = contests;
    }

    /**
     * The people with any KPI in the window: the reps. The CRMs' own accounts (Salesforce's
     * integration user) get profiles from {@code users sync} too, but never a KPI.
     */
    List<String> reps(Organization organization, LocalDate from, LocalDate to) {
        return kpiValues.totals(organization.id(), Optional.of(from), Optional.of(to), Optional.empty(), false).stream()
                .map(KpiTotal::profileEmail)
                .distinct()
                .sorted()
                .toList();
    }

    /** The first of a contest's board: who leads it now. */
    String leader(long contestId) {
        return contests.leaderboard(contestId).entries().getFirst().participant();
    }

    DemoSummary read(
            Organization organization,
            boolean replacedEarlier,
            LocalDate from,
            LocalDate to,
            DemoContest.Started started,
            GoalProgressView goal,
            Map<String, URI> endpoints) {
        var totals = kpiValues.totals(organization.id(), Optional.of(from), Optional.of(to), Optional.empty(), false);
        var teams = transactions.inOrganization(
                organization.id(),
                tx -> tx
                        .select(PROFILES.EMAIL, TEAMS.NAME)
                        .from(PROFILES)
                        .join(TEAMS)
                        .on(TEAMS.ID.eq(PROFILES.TEAM_ID))
                        .fetch()
                        .stream()
                        .collect(Collectors.toMap(r -> r.value1(), r -> r.value2())));
        var badges = new TreeMap<String, Map<String, Integer>>();
        for (var award : awards.list(organization.id(), Optional.empty())) {
            if (award.status().equals("awarded")) {
                badges.computeIfAbsent(award.profileEmail(), e -> new TreeMap<>())
                        .merge(award.badgeName(), 1, Integer::sum);
            }
        }
        return new DemoSummary(
                organization.slug(),
                replacedEarlier,
                from,
                to,
                totals,
                teams,
                badges,
                contests.leaderboard(started.connectSprint()),
                contests.leaderboard(started.scorecard()),
                goal,
                endpoints);
    }
}
