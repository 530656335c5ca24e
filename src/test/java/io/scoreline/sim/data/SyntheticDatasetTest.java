package io.scoreline.sim.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticDatasetTest {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final DatasetSpec SPEC = new DatasetSpec(7, 10, 60, LocalDate.of(2026, 3, 1), ZONE);

    @Test
    void sameSeedGivesSameRecordsAndOtherSeedsDiffer() {
        SyntheticDataset first = SyntheticDataset.generate(SPEC);
        SyntheticDataset again = SyntheticDataset.generate(SPEC);
        SyntheticDataset other = SyntheticDataset.generate(new DatasetSpec(8, 10, 60, SPEC.lastDay(), ZONE));

        assertThat(again.stream(ActivityKind.CALL).toList())
                .isEqualTo(first.stream(ActivityKind.CALL).toList());
        assertThat(again.reps()).isEqualTo(first.reps());
        assertThat(other.stream(ActivityKind.CALL).limit(50).toList())
                .isNotEqualTo(first.stream(ActivityKind.CALL).limit(50).toList());
    }

    @Test
    void anyRecordCanBeRegeneratedOnItsOwn() {
        SyntheticDataset dataset = SyntheticDataset.generate(SPEC);
        List<Activity> deals = dataset.stream(ActivityKind.DEAL).toList();
        int middle = deals.size() / 2;

        assertThat(SyntheticDataset.generate(SPEC).get(ActivityKind.DEAL, middle))
                .isEqualTo(deals.get(middle));
        assertThat(deals).allSatisfy(deal -> assertThat(deal.meta().index()).isEqualTo(deals.indexOf(deal)));
    }

    @Test
    void roughlyAQuarterOfCallsConnect() {
        List<Activity.Call> calls = SyntheticDataset.generate(SPEC).stream(ActivityKind.CALL)
                .map(Activity.Call.class::cast)
                .toList();
        double connected =
                calls.stream().filter(call -> call.outcome().connected()).count() / (double) calls.size();

        assertThat(calls.size()).isGreaterThan(5_000);
        assertThat(connected).isBetween(0.22, 0.28);
        assertThat(calls)
                .filteredOn(call -> call.outcome().connected())
                .allSatisfy(call -> assertThat(call.durationSeconds()).isGreaterThanOrEqualTo(90));
    }

    @Test
    void activityHappensDuringTheWorkingDayInsideHistory() {
        SyntheticDataset dataset = SyntheticDataset.generate(SPEC);
        assertThat(dataset.stream(ActivityKind.EMAIL)).allSatisfy(email -> {
            LocalTime local = email.meta().createdAt().atZone(ZONE).toLocalTime();
            assertThat(local).isBetween(LocalTime.of(8, 0), LocalTime.of(18, 0));
            assertThat(email.meta().createdAt()).isBetween(SPEC.historyStart(), SPEC.historyEnd());
            assertThat(email.meta().modifiedAt())
                    .isBefore(SPEC.historyEnd())
                    .isAfterOrEqualTo(email.meta().createdAt());
        });
    }

    @Test
    void inactiveRepsStopWorkingWhenTheyLeave() {
        SyntheticDataset dataset = SyntheticDataset.generate(SPEC);
        List<Rep> inactive =
                dataset.reps().stream().filter(rep -> !rep.active()).toList();

        assertThat(inactive).isNotEmpty().hasSizeLessThan(dataset.reps().size() / 2);
        for (Rep rep : inactive) {
            assertThat(dataset.stream(ActivityKind.CALL)
                            .filter(call -> call.meta().creatorRep() == rep.number()))
                    .isNotEmpty()
                    .allSatisfy(call -> assertThat(call.meta().createdAt()).isBefore(rep.deactivatedAt()));
        }
        assertThat(dataset.reps().stream().map(Rep::email).distinct())
                .hasSize(dataset.reps().size());
    }

    @Test
    void historyHasEditsReassignmentsAndDeletes() {
        List<Activity> calls =
                SyntheticDataset.generate(SPEC).stream(ActivityKind.CALL).toList();

        assertThat(calls).filteredOn(call -> call.meta().deleted()).isNotEmpty();
        assertThat(calls)
                .filteredOn(call -> call.meta().ownerRep() != call.meta().creatorRep())
                .isNotEmpty();
        assertThat(calls)
                .filteredOn(call -> call.meta().modifiedAt().isAfter(call.meta().createdAt()))
                .hasSizeGreaterThan(calls.size() / 20);
    }

    @Test
    void dealsMoveThroughStagesAndMeetingsGetOutcomes() {
        SyntheticDataset dataset = SyntheticDataset.generate(SPEC);
        Map<DealStage, Long> stages = dataset.stream(ActivityKind.DEAL)
                .map(Activity.Deal.class::cast)
                .collect(Collectors.groupingBy(Activity.Deal::stage, Collectors.counting()));
        Map<MeetingOutcome, Long> outcomes = dataset.stream(ActivityKind.MEETING)
                .map(Activity.Meeting.class::cast)
                .collect(Collectors.groupingBy(Activity.Meeting::outcome, Collectors.counting()));

        assertThat(stages).containsKeys(DealStage.CLOSED_WON, DealStage.CLOSED_LOST, DealStage.PROPOSAL);
        assertThat(outcomes).containsKeys(MeetingOutcome.COMPLETED, MeetingOutcome.NO_SHOW, MeetingOutcome.SCHEDULED);
    }

    @Test
    void millionsOfRecordsCostOnlyTheirDailyCounts() {
        SyntheticDataset big = SyntheticDataset.generate(new DatasetSpec(1, 150, 365, SPEC.lastDay(), ZONE));
        long calls = big.count(ActivityKind.CALL);

        assertThat(calls).isGreaterThan(1_000_000);
        Activity last = big.get(ActivityKind.CALL, calls - 1);
        assertThat(last.meta().createdAt()).isBefore(big.spec().historyEnd());
        assertThat(big.get(ActivityKind.CALL, calls / 2)).isEqualTo(big.get(ActivityKind.CALL, calls / 2));
    }

    @Test
    void changesLiveInAnOverlayAndAreAnnounced() {
        SyntheticDataset dataset = SyntheticDataset.generate(SPEC);
        List<RecordChange> changes = new ArrayList<>();
        dataset.onChange(changes::add);
        Activity original = dataset.get(ActivityKind.DEAL, 3);
        long before = dataset.count(ActivityKind.DEAL);

        Activity deleted = dataset.update(original.withMeta(original.meta().deletedAt(SPEC.historyEnd())));
        Activity created = dataset.create(
                ActivityKind.DEAL,
                index -> original.withMeta(
                        new RecordMeta(ActivityKind.DEAL, index, 0, 0, SPEC.historyEnd(), SPEC.historyEnd(), null)));

        assertThat(dataset.get(ActivityKind.DEAL, 3)).isEqualTo(deleted);
        assertThat(dataset.count(ActivityKind.DEAL)).isEqualTo(before + 1);
        assertThat(dataset.get(ActivityKind.DEAL, before)).isEqualTo(created);
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0)).isInstanceOf(RecordChange.Deleted.class);
        assertThat(changes.get(1)).isInstanceOf(RecordChange.Created.class);
    }
}
