package io.scoreline.sim.data;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The simulated sales history both CRM simulators serve. Historical records are regenerated on demand
 * from the seed; only records changed after generation (live mode, tests) are held in memory, in an
 * overlay keyed by (kind, index). Records created later get indexes after the generated ones, so index
 * order stays creation order.
 */
public final class SyntheticDataset {

    private final DatasetSpec spec;
    private final List<Rep> reps;
    private final ActivityGenerator generator;
    private final Map<ActivityKind, AtomicLong> counts = new EnumMap<>(ActivityKind.class);
    private final Map<Long, Activity> overlay = new ConcurrentHashMap<>();
    private final List<Consumer<RecordChange>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong version = new AtomicLong();
    private final SalesOrgChart orgChart;

    private SyntheticDataset(DatasetSpec spec) {
        this.spec = spec;
        this.reps = RepRoster.build(spec);
        this.generator = new ActivityGenerator(spec, reps);
        this.orgChart = new SalesOrgChart(spec, reps);
        for (ActivityKind kind : ActivityKind.values()) {
            counts.put(kind, new AtomicLong(generator.count(kind)));
        }
    }

    public static SyntheticDataset generate(DatasetSpec spec) {
        return new SyntheticDataset(spec);
    }

    public DatasetSpec spec() {
        return spec;
    }

    public List<Rep> reps() {
        return reps;
    }

    /** Teams and managers of the reps, served by both simulators. */
    public SalesOrgChart orgChart() {
        return orgChart;
    }

    public Rep rep(int number) {
        return reps.get(number);
    }

    public long count(ActivityKind kind) {
        return counts.get(kind).get();
    }

    /** Number of records generated for history, before any change. */
    public long generatedCount(ActivityKind kind) {
        return generator.count(kind);
    }

    public Activity get(ActivityKind kind, long index) {
        Activity changed = overlay.get(key(kind, index));
        if (changed != null) {
            return changed;
        }
        if (index >= generator.count(kind)) {
            throw new IndexOutOfBoundsException(kind + " " + index + " does not exist");
        }
        return generator.generate(kind, index);
    }

    public Optional<Activity> find(ActivityKind kind, long index) {
        return index >= 0 && index < count(kind) ? Optional.of(get(kind, index)) : Optional.empty();
    }

    /** Every record of a kind in index order, deleted ones included, generated lazily. */
    public Stream<Activity> stream(ActivityKind kind) {
        return LongStream.range(0, count(kind)).mapToObj(index -> get(kind, index));
    }

    public synchronized Activity create(ActivityKind kind, Function<Long, Activity> factory) {
        long index = counts.get(kind).get();
        Activity created = factory.apply(index);
        if (created.meta().kind() != kind || created.meta().index() != index) {
            throw new IllegalArgumentException("created record must be " + kind + " #" + index);
        }
        overlay.put(key(kind, index), created);
        counts.get(kind).incrementAndGet();
        publish(new RecordChange.Created(created));
        return created;
    }

    public Activity update(Activity after) {
        Activity before = get(after.meta().kind(), after.meta().index());
        overlay.put(key(after.meta().kind(), after.meta().index()), after);
        publish(
                after.meta().deleted() && !before.meta().deleted()
                        ? new RecordChange.Deleted(before, after)
                        : new RecordChange.Updated(before, after));
        return after;
    }

    /** Grows with every change, so callers can tell whether results they derived are still current. */
    public long version() {
        return version.get();
    }

    public void onChange(Consumer<RecordChange> listener) {
        listeners.add(listener);
    }

    private void publish(RecordChange change) {
        version.incrementAndGet();
        listeners.forEach(listener -> listener.accept(change));
    }

    @SuppressWarnings("EnumOrdinal") // the kind is the top byte of a key that is only compared within one run
    private static long key(ActivityKind kind, long index) {
        return ((long) kind.ordinal() << 56) | index;
    }
}
