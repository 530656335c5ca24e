package io.scoreline.sim.live;

import io.scoreline.sim.data.Activity;
import io.scoreline.sim.data.ActivityKind;
import io.scoreline.sim.data.CallOutcome;
import io.scoreline.sim.data.DealStage;
import io.scoreline.sim.data.DemoStatus;
import io.scoreline.sim.data.MeetingOutcome;
import io.scoreline.sim.data.RecordMeta;
import io.scoreline.sim.data.Rep;
import io.scoreline.sim.data.SeedMixer;
import io.scoreline.sim.data.SyntheticDataset;
import io.scoreline.sim.data.TodoStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Live mode: keeps creating, editing and deleting records at a steady rate so incremental syncs and
 * webhooks always have work. Nothing happens on its own: each {@link #tick()} applies the changes due
 * for the time the injected clock moved since the previous tick, drawn from the seed and a counter.
 */
public final class LiveChanges {

    private final SyntheticDataset dataset;
    private final Clock clock;
    private final double perMinute;
    private final long seed;
    private Instant lastTick;
    private double owed;
    private long sequence;

    public LiveChanges(SyntheticDataset dataset, Clock clock, double changesPerMinute) {
        this.dataset = dataset;
        this.clock = clock;
        this.perMinute = changesPerMinute;
        this.seed = dataset.spec().seed();
        this.lastTick = clock.instant();
    }

    /** Applies the changes due since the last tick; returns how many were applied. */
    public synchronized int tick() {
        Instant now = clock.instant();
        if (now.isAfter(lastTick)) {
            owed += Duration.between(lastTick, now).toMillis() / 60_000.0 * perMinute;
            lastTick = now;
        }
        int due = (int) Math.floor(owed);
        owed -= due;
        for (int i = 0; i < due; i++) {
            applyOne(now, SeedMixer.random(seed, 9_001, sequence++));
        }
        return due;
    }

    private void applyOne(Instant now, SplittableRandom random) {
        double roll = random.nextDouble();
        ActivityKind kind = pickKind(random);
        if (roll < 0.5 || dataset.count(kind) == 0) {
            create(kind, now, random);
            return;
        }
        // Edits favour recent records, as in a real CRM.
        long count = dataset.count(kind);
        long index = count - 1 - (long) (Math.pow(random.nextDouble(), 3) * count);
        Activity current = dataset.get(kind, index);
        if (current.meta().deleted()) {
            create(kind, now, random);
        } else if (roll < 0.88) {
            dataset.update(edit(current, now, random));
        } else {
            dataset.update(current.withMeta(current.meta().deletedAt(now)));
        }
    }

    private static ActivityKind pickKind(SplittableRandom random) {
        double roll = random.nextDouble();
        return roll < 0.5
                ? ActivityKind.CALL
                : roll < 0.75
                        ? ActivityKind.EMAIL
                        : roll < 0.85
                                ? ActivityKind.MEETING
                                : roll < 0.93 ? ActivityKind.TODO : roll < 0.97 ? ActivityKind.DEAL : ActivityKind.DEMO;
    }

    @SuppressWarnings("EnumOrdinal") // the seeded data set depends on it: another order would generate other data
    private void create(ActivityKind kind, Instant now, SplittableRandom random) {
        int owner = activeRep(random);
        dataset.create(kind, index -> {
            RecordMeta meta = new RecordMeta(kind, index, owner, owner, now, now, null);
            LocalDate today = now.atZone(dataset.spec().zone()).toLocalDate();
            return switch (kind) {
                case CALL -> {
                    CallOutcome outcome = CallOutcome.values()[random.nextInt(CallOutcome.values().length)];
                    yield new Activity.Call(
                            meta,
                            "Call",
                            true,
                            outcome.connected() ? 90 + random.nextInt(900) : random.nextInt(60),
                            outcome);
                }
                case EMAIL -> new Activity.Email(meta, "Following up", random.nextBoolean());
                case MEETING ->
                    new Activity.Meeting(
                            meta,
                            "Meeting",
                            now.plus(Duration.ofDays(1 + random.nextInt(7))),
                            30,
                            MeetingOutcome.SCHEDULED);
                case TODO ->
                    new Activity.Todo(
                            meta, "Follow up", today.plusDays(random.nextInt(4)), TodoStatus.NOT_STARTED, "Normal");
                case DEAL ->
                    new Activity.Deal(
                            meta,
                            "Live deal " + index,
                            BigDecimal.valueOf(1_000L + random.nextInt(50) * 500L),
                            DealStage.QUALIFICATION,
                            today.plusDays(30));
                case DEMO ->
                    new Activity.Demo(
                            meta, "Live demo " + index, today.plusDays(1 + random.nextInt(7)), DemoStatus.SCHEDULED);
            };
        });
    }

    private Activity edit(Activity current, Instant now, SplittableRandom random) {
        RecordMeta meta = random.nextDouble() < 0.2
                ? current.meta().reassigned(activeRep(random), now)
                : current.meta().modified(now);
        return switch (current) {
            case Activity.Call call ->
                new Activity.Call(
                        meta,
                        call.subject(),
                        call.outbound(),
                        call.durationSeconds(),
                        random.nextBoolean() ? CallOutcome.CONNECTED : call.outcome());
            case Activity.Email email -> email.withMeta(meta);
            case Activity.Meeting meeting ->
                new Activity.Meeting(
                        meta,
                        meeting.subject(),
                        meeting.start(),
                        meeting.durationMinutes(),
                        List.of(MeetingOutcome.COMPLETED, MeetingOutcome.NO_SHOW, MeetingOutcome.CANCELED)
                                .get(random.nextInt(3)));
            case Activity.Todo todo ->
                new Activity.Todo(meta, todo.subject(), todo.dueDate(), TodoStatus.COMPLETED, todo.priority());
            case Activity.Deal deal ->
                new Activity.Deal(meta, deal.name(), deal.amount(), nextStage(deal.stage(), random), deal.closeDate());
            case Activity.Demo demo ->
                new Activity.Demo(
                        meta,
                        demo.name(),
                        demo.demoDate(),
                        random.nextDouble() < 0.7 ? DemoStatus.COMPLETED : DemoStatus.NO_SHOW);
        };
    }

    private static DealStage nextStage(DealStage stage, SplittableRandom random) {
        return switch (stage) {
            case QUALIFICATION -> DealStage.NEEDS_ANALYSIS;
            case NEEDS_ANALYSIS -> DealStage.PROPOSAL;
            case PROPOSAL -> DealStage.NEGOTIATION;
            case NEGOTIATION -> random.nextDouble() < 0.4 ? DealStage.CLOSED_WON : DealStage.CLOSED_LOST;
            case CLOSED_WON, CLOSED_LOST -> stage;
        };
    }

    private int activeRep(SplittableRandom random) {
        List<Rep> active = dataset.reps().stream().filter(Rep::active).toList();
        return active.isEmpty() ? 0 : active.get(random.nextInt(active.size())).number();
    }
}
