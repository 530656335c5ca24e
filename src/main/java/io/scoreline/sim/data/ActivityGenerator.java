package io.scoreline.sim.data;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Regenerates any historical record from (seed, kind, index) alone. */
final class ActivityGenerator {

    private static final String[] EMAIL_SUBJECTS = {
        "Following up",
        "Quick question",
        "Pricing overview",
        "Next steps",
        "Intro",
        "Proposal attached",
        "Re: demo",
        "Checking in"
    };
    private static final String[] TODO_SUBJECTS = {
        "Send proposal",
        "Prepare demo",
        "Update CRM notes",
        "Follow up with champion",
        "Review contract",
        "Research account"
    };
    private static final String[] COMPANIES = {
        "Acme",
        "Globex",
        "Initech",
        "Umbrella",
        "Hooli",
        "Stark",
        "Wayne",
        "Wonka",
        "Tyrell",
        "Cyberdyne",
        "Soylent",
        "Vandelay"
    };
    private static final String[] PRODUCTS = {"Platform", "Renewal", "Expansion", "Pilot", "Enterprise"};
    private static final String[] PRIORITIES = {"Normal", "Normal", "High", "Low"};

    private final DatasetSpec spec;
    private final List<Rep> reps;
    private final Map<ActivityKind, DailyVolume> volumes = new EnumMap<>(ActivityKind.class);

    ActivityGenerator(DatasetSpec spec, List<Rep> reps) {
        this.spec = spec;
        this.reps = reps;
        for (ActivityKind kind : ActivityKind.values()) {
            volumes.put(kind, DailyVolume.of(spec, kind, reps));
        }
    }

    long count(ActivityKind kind) {
        return volumes.get(kind).total();
    }

    @SuppressWarnings("EnumOrdinal") // the seeded data set depends on it: another order would generate other data
    Activity generate(ActivityKind kind, long index) {
        DailyVolume.Cell cell = volumes.get(kind).cellOf(index);
        SplittableRandom random = SeedMixer.random(spec.seed(), 7_100 + kind.ordinal(), index);
        LocalDate date = spec.firstDay().plusDays(cell.day());
        Instant created = date.atTime(8, 0).atZone(spec.zone()).toInstant().plusSeconds(random.nextLong(10 * 3600));
        RecordMeta meta = history(kind, index, cell.rep(), created, random);
        return switch (kind) {
            case CALL -> call(meta, random);
            case EMAIL ->
                new Activity.Email(
                        meta, EMAIL_SUBJECTS[random.nextInt(EMAIL_SUBJECTS.length)], random.nextDouble() < 0.8);
            case MEETING -> meeting(meta, random);
            case TODO -> todo(meta, date, random);
            case DEAL -> deal(meta, date, random);
            case DEMO -> demo(meta, date, random);
        };
    }

    /** Later edits, owner reassignments and deletes, all before the end of history. */
    private RecordMeta history(ActivityKind kind, long index, int rep, Instant created, SplittableRandom random) {
        Instant modified = created;
        int owner = rep;
        Instant deleted = null;
        if (random.nextDouble() < 0.08) {
            modified = cap(created.plusSeconds(600 + random.nextLong(72 * 3600)));
            if (random.nextDouble() < 0.35) {
                owner = otherActiveRep(rep, modified, random);
            }
        }
        // Demos are few, so more of them are deleted, or a test window would hold no deleted one.
        if (random.nextDouble() < (kind == ActivityKind.DEMO ? 0.08 : 0.02)) {
            deleted = cap(modified.plusSeconds(3600 + random.nextLong(5 * 24 * 3600)));
            modified = deleted;
        }
        return new RecordMeta(kind, index, owner, rep, created, modified, deleted);
    }

    private int otherActiveRep(int rep, Instant at, SplittableRandom random) {
        for (int attempt = 0; attempt < 8 && reps.size() > 1; attempt++) {
            Rep candidate = reps.get((rep + 1 + random.nextInt(reps.size() - 1)) % reps.size());
            if (candidate.deactivatedAt() == null || candidate.deactivatedAt().isAfter(at)) {
                return candidate.number();
            }
        }
        return rep;
    }

    private Activity.Call call(RecordMeta meta, SplittableRandom random) {
        double roll = random.nextDouble();
        CallOutcome outcome = roll < 0.2
                ? CallOutcome.CONNECTED
                : roll < 0.25
                        ? CallOutcome.MEETING_BOOKED
                        : roll < 0.55
                                ? CallOutcome.NO_ANSWER
                                : roll < 0.80
                                        ? CallOutcome.LEFT_VOICEMAIL
                                        : roll < 0.88
                                                ? CallOutcome.BUSY
                                                : roll < 0.95
                                                        ? CallOutcome.LEFT_LIVE_MESSAGE
                                                        : CallOutcome.WRONG_NUMBER;
        int duration = switch (outcome) {
            case CONNECTED, MEETING_BOOKED -> 90 + random.nextInt(1400);
            case LEFT_VOICEMAIL -> 20 + random.nextInt(55);
            case LEFT_LIVE_MESSAGE -> 30 + random.nextInt(90);
            case BUSY, NO_ANSWER, WRONG_NUMBER -> random.nextInt(25);
        };
        String company = COMPANIES[random.nextInt(COMPANIES.length)];
        return new Activity.Call(meta, "Call " + company, random.nextDouble() < 0.9, duration, outcome);
    }

    private Activity.Meeting meeting(RecordMeta meta, SplittableRandom random) {
        LocalDate day = meta.createdAt().atZone(spec.zone()).toLocalDate().plusDays(1 + random.nextInt(10));
        Instant start = day.atTime(9 + random.nextInt(8), random.nextBoolean() ? 0 : 30)
                .atZone(spec.zone())
                .toInstant();
        int minutes = random.nextBoolean() ? 30 : 60;
        Instant end = start.plusSeconds(minutes * 60L);
        double roll = random.nextDouble();
        MeetingOutcome outcome;
        RecordMeta settled = meta;
        if (!end.isBefore(spec.historyEnd())) {
            outcome = MeetingOutcome.SCHEDULED;
        } else {
            outcome = roll < 0.7
                    ? MeetingOutcome.COMPLETED
                    : roll < 0.85 ? MeetingOutcome.NO_SHOW : MeetingOutcome.CANCELED;
            // The outcome is logged after the meeting, which is an edit of the record.
            Instant logged = cap(end.plusSeconds(600));
            if (!meta.deleted() && logged.isAfter(meta.modifiedAt())) {
                settled = meta.modified(logged);
            }
        }
        String company = COMPANIES[random.nextInt(COMPANIES.length)];
        return new Activity.Meeting(settled, "Meeting with " + company, start, minutes, outcome);
    }

    private Activity.Todo todo(RecordMeta meta, LocalDate created, SplittableRandom random) {
        LocalDate due = created.plusDays(random.nextInt(6));
        TodoStatus status;
        if (due.isBefore(spec.lastDay()) && random.nextDouble() < 0.7) {
            status = TodoStatus.COMPLETED;
        } else {
            TodoStatus[] open = {TodoStatus.NOT_STARTED, TodoStatus.IN_PROGRESS, TodoStatus.WAITING, TodoStatus.DEFERRED
            };
            status = open[random.nextInt(open.length)];
        }
        return new Activity.Todo(
                meta,
                TODO_SUBJECTS[random.nextInt(TODO_SUBJECTS.length)],
                due,
                status,
                PRIORITIES[random.nextInt(PRIORITIES.length)]);
    }

    private Activity.Deal deal(RecordMeta meta, LocalDate created, SplittableRandom random) {
        LocalDate close = created.plusDays(7 + random.nextInt(70));
        long hundreds = Math.round(Math.exp(Math.log(10) + random.nextDouble() * Math.log(50)) * 10);
        BigDecimal amount = BigDecimal.valueOf(hundreds * 100);
        DealStage stage;
        RecordMeta settled = meta;
        if (!close.isAfter(spec.lastDay())) {
            stage = random.nextDouble() < 0.3 ? DealStage.CLOSED_WON : DealStage.CLOSED_LOST;
            Instant closedAt =
                    cap(close.atTime(16, 0).atZone(spec.zone()).toInstant().plusSeconds(random.nextInt(3600)));
            if (!meta.deleted() && closedAt.isAfter(meta.modifiedAt())) {
                settled = meta.modified(closedAt);
            }
        } else {
            DealStage[] open = {
                DealStage.QUALIFICATION, DealStage.NEEDS_ANALYSIS, DealStage.PROPOSAL, DealStage.NEGOTIATION
            };
            stage = open[random.nextInt(open.length)];
        }
        String name = COMPANIES[random.nextInt(COMPANIES.length)] + " - " + PRODUCTS[random.nextInt(PRODUCTS.length)];
        return new Activity.Deal(settled, name, amount, stage, close);
    }

    private Activity.Demo demo(RecordMeta meta, LocalDate booked, SplittableRandom random) {
        LocalDate demoDate = booked.plusDays(1 + random.nextInt(10));
        DemoStatus status;
        RecordMeta settled = meta;
        if (demoDate.isBefore(spec.lastDay())) {
            status = random.nextDouble() < 0.7 ? DemoStatus.COMPLETED : DemoStatus.NO_SHOW;
            // The outcome is logged on the evening of the demo, which is an edit of the record.
            Instant logged = cap(demoDate.atTime(18, 0).atZone(spec.zone()).toInstant());
            if (!meta.deleted() && logged.isAfter(meta.modifiedAt())) {
                settled = meta.modified(logged);
            }
        } else {
            status = DemoStatus.SCHEDULED;
        }
        String name = "Demo for " + COMPANIES[random.nextInt(COMPANIES.length)];
        return new Activity.Demo(settled, name, demoDate, status);
    }

    private Instant cap(Instant at) {
        Instant last = spec.historyEnd().minus(Duration.ofSeconds(1));
        return at.isAfter(last) ? last : at;
    }
}
