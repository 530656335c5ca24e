package io.scoreline.gamification.contests;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.pipeline.kpi.KpiValueReader;
import io.scoreline.pipeline.kpi.TeamKpiTotal;
import io.scoreline.pipeline.people.ProfileChange;
import io.scoreline.pipeline.people.ProfileStore;
import io.scoreline.pipeline.people.Profiles;
import io.scoreline.pipeline.people.TeamStore;
import io.scoreline.pipeline.people.Teams;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Team contests and team totals of an ordinary (non-demo) organization with a team tree: a team
 * contest ranks the top-level teams with their sub-teams, fixes each person's team when it goes
 * live, and keeps it when the person moves mid-contest; KPI team totals include sub-teams.
 */
class TeamContestIT {

    private ContestFixture fixture;
    private Teams teams;
    private Profiles profiles;

    @BeforeEach
    void organization() {
        // Sunday 1 November 2026, 12:00 in Berlin.
        fixture = new ContestFixture(
                Instant.parse("2026-11-01T11:00:00Z"), ContestSettings.defaults(), "ann", "bob", "cat", "dan");
        var organizations = new OrganizationStore(fixture.transactions);
        teams = new Teams(organizations, new TeamStore(fixture.transactions));
        profiles = new Profiles(organizations, new ProfileStore(fixture.transactions));
        teams.create("acme", "EMEA", Optional.empty());
        teams.create("acme", "Nordics", Optional.of("EMEA"));
        teams.create("acme", "Americas", Optional.empty());
        moveTo("ann", "EMEA");
        moveTo("bob", "Nordics");
        moveTo("cat", "Americas");
        moveTo("dan", "Nordics");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private void moveTo(String person, String team) {
        profiles.update(
                "acme",
                person + "@acme.test",
                new ProfileChange(
                        ProfileChange.team(Optional.of(team)),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
    }

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ContestFixture.BERLIN).toInstant();
    }

    private void clockAt(String localDateTime) {
        fixture.clock.advance(Duration.between(fixture.clock.instant(), berlin(localDateTime)));
    }

    private List<String> teamTotals() {
        return new KpiValueReader(fixture.transactions)
                .teamTotals(fixture.organization.id(), Optional.empty(), Optional.empty()).stream()
                        .map(TeamContestIT::line)
                        .toList();
    }

    private static String line(TeamKpiTotal t) {
        return t.team() + " " + t.kpiKey() + " " + t.value().toPlainString() + " " + t.people();
    }

    @Test
    void teamsAreFixedAtTheStartAndAMidContestMoveDoesNotChangeThem() {
        var contest = fixture.create(
                "Team sprint", LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-03"), true, null, "1h");
        // Top-level teams only: Nordics counts inside EMEA.
        assertThat(fixture.scores(contest.id()))
                .hasSize(2)
                .anyMatch(line -> line.endsWith(" Americas 0"))
                .anyMatch(line -> line.endsWith(" EMEA 0"));

        // Moved after the contest was created but before it starts: dan counts for his new team.
        moveTo("dan", "Americas");
        clockAt("2026-11-02T00:00");
        assertThat(fixture.lifecycle.tick()).isEqualTo(1);

        fixture.calls("T1", "ann", 3, berlin("2026-11-02T09:00"));
        fixture.calls("T2", "bob", 4, berlin("2026-11-02T09:30"));
        fixture.calls("T3", "cat", 2, berlin("2026-11-02T10:00"));
        fixture.calls("T4", "dan", 1, berlin("2026-11-02T10:30"));
        fixture.drain();
        assertThat(fixture.scores(contest.id())).containsExactly("1 EMEA 7", "2 Americas 3");
        // Team totals by today's teams, each with its sub-teams: bob (Nordics) counts in EMEA too.
        assertThat(teamTotals())
                .containsExactly("Americas calls_made 3 2", "EMEA calls_made 7 2", "Nordics calls_made 4 1");

        // Mid-contest, bob moves to Americas: his calls keep counting for EMEA, fixed at the start.
        clockAt("2026-11-02T12:00");
        moveTo("bob", "Americas");
        fixture.calls("T5", "bob", 5, berlin("2026-11-03T09:00"));
        fixture.drain();
        assertThat(fixture.scores(contest.id())).containsExactly("1 EMEA 12", "2 Americas 3");

        // Final re-scores from the source rows with the teams fixed at the start.
        clockAt("2026-11-04T01:00");
        assertThat(fixture.lifecycle.tick()).isEqualTo(2);
        assertThat(fixture.status(contest.id())).isEqualTo(ContestStatus.FINAL);
        assertThat(fixture.scores(contest.id())).containsExactly("1 EMEA 12", "2 Americas 3");

        // KPI team totals follow today's teams: bob's 9 calls are Americas' now.
        assertThat(teamTotals()).containsExactly("Americas calls_made 12 3", "EMEA calls_made 3 1");
    }

    @Test
    void aTeamContestNeedsSomeoneInATeamAtCreation() {
        for (var person : List.of("ann", "bob", "cat", "dan")) {
            moveTo(person, ProfileChange.NONE);
        }
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> fixture.create(
                        "Nobody", LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-03"), true, null, "1h")))
                .hasMessageContaining("--teams needs participants who are in a team");
    }
}
