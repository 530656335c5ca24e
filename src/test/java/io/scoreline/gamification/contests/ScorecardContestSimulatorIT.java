package io.scoreline.gamification.contests;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.config.CliOverrides;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.app.wiring.ScorelineApplication;
import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.gamification.KpiChangeWorkers;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.measures.MeasuredValue;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.identities.CrmUserLinking;
import io.scoreline.pipeline.integrations.NewIntegration;
import io.scoreline.pipeline.integrations.onboarding.IntegrationOnboarding;
import io.scoreline.pipeline.rules.RuleSetVersions;
import io.scoreline.pipeline.runs.SyncStatus;
import io.scoreline.pipeline.sync.OnDemandRuns;
import io.scoreline.pipeline.tenancy.NewOrganization;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.sim.data.Activity;
import io.scoreline.sim.data.ActivityKind;
import io.scoreline.testing.KpiTruth;
import io.scoreline.testing.TestEnvironment;
import io.scoreline.testing.TestPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end proof of issue 23's scorecards: a simulated Salesforce org synced through the
 * product as wired ({@code mapping set} with a {@code derived:} scorecard over three stock KPIs,
 * users linked, live syncs), a live contest ranking by the scorecard, the evaluator drained, and
 * the leaderboard compared, participant by participant and exactly, with an independent reading of
 * the simulator's ground-truth dump ({@link DumpScorecard}, none of the product's classes). Then
 * the CRM changes (calls deleted, meetings handed to another rep, a won deal's amount corrected),
 * the next sync and drain move the board, and it again equals a fresh dump's computation.
 */
class ScorecardContestSimulatorIT {

    /** Far from the simulated reps' New York: a day's calls straddle two local days, and caps apply per local day. */
    private static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private static final String SCORECARD = "activity_points";

    /** The scorecard as the rule document declares it (ADR 0042)... */
    private static final String DERIVED = """

            derived:
              %s:
                scorecard:
                  calls_made:      { points: 1, cap_per_day: 30 }
                  meetings_booked: { points: 5 }
                  revenue_won:     { points: 0.001 }
            """.formatted(SCORECARD);

    /** ...and as the independent computation reads it. */
    private static final List<DumpScorecard.Line> LINES = List.of(
            new DumpScorecard.Line(DumpScorecard.CALLS_MADE, BigDecimal.ONE, Optional.of(new BigDecimal("30"))),
            new DumpScorecard.Line(DumpScorecard.MEETINGS_BOOKED, new BigDecimal("5"), Optional.empty()),
            new DumpScorecard.Line(DumpScorecard.REVENUE_WON, new BigDecimal("0.001"), Optional.empty()));

    private static RunningSimulators sims;
    private static ApplicationContext context;

    @TempDir
    Path dumps;

    @BeforeAll
    static void start() {
        sims = Simulators.start(SimulatorOptions.defaults()
                .withSeed(23)
                .withVolume(5, 21)
                // Yesterday in the simulator's zone: a UTC date would hold records still in the future just after
                // midnight UTC.
                .withLastDay(SimulatorOptions.defaults().effectiveLastDay()));
        context = ScorelineApplication.start(ScorelineConfig.resolve(
                TestEnvironment.forDatabase(TestPostgres.freshDatabase()), CliOverrides.none()));
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        if (sims != null) {
            sims.close();
        }
    }

    @Test
    void aScorecardContestsLeaderboardEqualsTheDumpsScoresBeforeAndAfterTheCrmChanges() throws IOException {
        var organization = context.getBean(OrganizationStore.class)
                .create(NewOrganization.of("cards", "Cards", ZONE.getId(), "monday"));
        long integrationId = connect(organization);
        var today = LocalDate.now(context.getBean(Clock.class).withZone(ZONE));
        var from = today.minusDays(12);
        var to = today.plusDays(2);

        // Live before any data arrives: the board is built by the evaluator from the KPI changes.
        var contests = context.getBean(ContestStore.class);
        var contest = contests.create(
                        organization,
                        NewContest.of(
                                "Activity points", SCORECARD, from.toString(), to.toString(), false, null, null, null))
                .contest();
        context.getBean(ContestLifecycle.class).tick();
        assertThat(contests.get(organization.id(), contest.id()).contest().status())
                .isEqualTo(ContestStatus.LIVE);

        syncAndDrain(integrationId);
        var daily = DumpScorecard.dailyValues(dump("first"), ZONE);
        assertThat(inputs(organization))
                .as("the scorecard's inputs as stored equal the dump's (else the leaderboard cannot)")
                .isEqualTo(daily);
        assertThat(DumpScorecard.cappedDays(daily, LINES.getFirst(), from, to))
                .as("days on which the calls cap cuts points, so that the cap is tested")
                .isPositive();
        var board = board(contests, contest.id());
        var expected = DumpScorecard.scores(daily, LINES, from, to, board.keySet());
        assertThat(expected.values().stream().filter(v -> v.signum() > 0).count())
                .as("reps with points")
                .isGreaterThanOrEqualTo(4);
        assertThat(board).isEqualTo(expected);
        assertRankedByScore(contests.leaderboard(contest.id()));

        changeTheCrm(from, today);
        syncAndDrain(integrationId);
        var changed = DumpScorecard.dailyValues(dump("changed"), ZONE);
        assertThat(changed).as("the changes move the inputs").isNotEqualTo(daily);
        var after = board(contests, contest.id());
        var expectedAfter = DumpScorecard.scores(changed, LINES, from, to, after.keySet());
        assertThat(expectedAfter).as("the changes move the scores").isNotEqualTo(expected);
        assertThat(after).isEqualTo(expectedAfter);
        assertRankedByScore(contests.leaderboard(contest.id()));
    }

    /** Salesforce added as `integration add` adds it, the stock rules plus the scorecard, and the users linked. */
    private static long connect(Organization organization) throws IOException {
        var sf = sims.salesforce();
        var integration = context.getBean(IntegrationOnboarding.class)
                .add(
                        organization.slug(),
                        NewIntegration.of(
                                organization.id(),
                                CrmProvider.SALESFORCE,
                                new CrmCredentials.RefreshToken(sf.clientId(), sf.clientSecret(), sf.refreshToken()),
                                Optional.of(sf.loginUrl().toString()),
                                Optional.empty(),
                                Optional.empty()))
                .integration();
        context.getBean(RuleSetVersions.class)
                .setOrFail(
                        integration.id(),
                        Files.readString(Path.of("mappings/salesforce.yaml")) + DERIVED,
                        "test",
                        "scorecard.yaml");
        var users = context.getBean(CrmUserLinking.class).sync(integration.id(), true);
        assertThat(users.profilesCreated()).isGreaterThanOrEqualTo(5);
        return integration.id();
    }

    private static void syncAndDrain(long integrationId) {
        var outcome = context.getBean(OnDemandRuns.class).sync(integrationId);
        assertThat(outcome.status()).as(outcome.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
        var report = context.getBean(KpiChangeWorkers.class).drainUntilEmpty();
        assertThat(report.processed()).isPositive();
        assertThat(report.failed()).isZero();
    }

    /**
     * What a manager's CRM does in a week: two logged calls deleted, two booked meetings handed to
     * another rep, and the amount of a won deal corrected.
     */
    private static void changeTheCrm(LocalDate from, LocalDate today) {
        var dataset = sims.dataset();
        var now = sims.options().clock().instant();
        // Records of the last few days, inside the contest's window.
        var recent = now.minus(Duration.ofDays(5));
        var calls = dataset.stream(ActivityKind.CALL)
                .filter(a -> !a.meta().deleted() && a.meta().createdAt().isAfter(recent))
                .limit(2)
                .toList();
        calls.forEach(call -> dataset.update(call.withMeta(call.meta().deletedAt(now))));
        var meetings = dataset.stream(ActivityKind.MEETING)
                .filter(a -> !a.meta().deleted() && a.meta().createdAt().isAfter(recent))
                .limit(2)
                .toList();
        for (var meeting : meetings) {
            int other = (meeting.meta().ownerRep() + 1) % dataset.reps().size();
            dataset.update(meeting.withMeta(meeting.meta().reassigned(other, now)));
        }
        var won = dataset.stream(ActivityKind.DEAL)
                .map(Activity.Deal.class::cast)
                .filter(d -> !d.meta().deleted() && d.stage().won() && d.amount() != null)
                .filter(d -> d.closeDate().isAfter(from) && d.closeDate().isBefore(today))
                .reduce((first, second) -> second)
                .orElseThrow();
        dataset.update(new Activity.Deal(
                won.meta().modified(now),
                won.name(),
                won.amount().add(new BigDecimal("12300")),
                won.stage(),
                won.closeDate()));
    }

    private Path dump(String name) throws IOException {
        var directory = Files.createDirectories(dumps.resolve(name));
        sims.dump(directory);
        return directory;
    }

    /** The stored values of the scorecard's inputs, "email kpi date" → value. */
    private static Map<String, BigDecimal> inputs(Organization organization) {
        var kpis = LINES.stream().map(DumpScorecard.Line::kpi).toList();
        return KpiTruth.stored(context.getBean(TenantTransactions.class), organization.id()).entrySet().stream()
                .filter(e -> kpis.contains(e.getKey().split(" ")[1]))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    /** Participant e-mail → score, every row of the board. */
    private static Map<String, BigDecimal> board(ContestStore contests, long contestId) {
        var board = new TreeMap<String, BigDecimal>();
        contests.leaderboard(contestId)
                .entries()
                .forEach(e -> board.put(e.participant(), defined(e).stripTrailingZeros()));
        return board;
    }

    /** A scorecard is defined for everyone (a sum of points, 0 without activity), never undefined. */
    private static BigDecimal defined(LeaderboardEntry entry) {
        assertThat(entry.score()).as(entry.participant()).isInstanceOf(MeasuredValue.Defined.class);
        return ((MeasuredValue.Defined) entry.score()).value();
    }

    private static void assertRankedByScore(Leaderboard leaderboard) {
        var scores = leaderboard.entries().stream()
                .map(ScorecardContestSimulatorIT::defined)
                .toList();
        assertThat(scores).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(leaderboard.entries().getFirst().rank()).isEqualTo(1);
    }
}
