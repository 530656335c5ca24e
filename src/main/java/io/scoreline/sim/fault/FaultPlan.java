package io.scoreline.sim.fault;

import io.scoreline.sim.data.SeedMixer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Draws the fault for each request from (seed, stream, request number), so the same sequence of
 * requests meets the same faults on every run with the same seed.
 */
public final class FaultPlan {

    private final FaultSpec spec;
    private final long seed;
    private final long stream;
    private final AtomicLong requests = new AtomicLong();

    public FaultPlan(FaultSpec spec, long seed, String stream) {
        this.spec = spec;
        this.seed = seed;
        this.stream = stream.hashCode();
    }

    public FaultSpec spec() {
        return spec;
    }

    public Fault next() {
        if (!spec.injectsAny()) {
            return new Fault.None();
        }
        double roll = SeedMixer.random(seed, stream, requests.getAndIncrement()).nextDouble();
        double bound = spec.throttled();
        if (roll < bound) {
            return new Fault.Throttled();
        }
        bound += spec.serverError();
        if (roll < bound) {
            return new Fault.ServerError();
        }
        bound += spec.timeout();
        if (roll < bound) {
            return new Fault.Timeout();
        }
        bound += spec.malformed();
        return roll < bound ? new Fault.Malformed() : new Fault.None();
    }
}
