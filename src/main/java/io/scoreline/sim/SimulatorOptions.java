package io.scoreline.sim;

import io.scoreline.sim.fault.FaultSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@code scoreline sim} and tests can set. Start from {@link #defaults()} and change what
 * matters with the {@code with...} methods.
 *
 * @param lastDay             last day of generated history; empty means yesterday by {@code clock}
 * @param salesforcePort      0 picks a free port
 * @param hubSpotPort         0 picks a free port
 * @param liveChangesPerMinute records created, edited or deleted per minute in live mode; 0 = off
 * @param dumpDir             where {@link Simulators#start} writes the ground truth, if set
 * @param hubSpotRequestsPerTenSeconds HubSpot's burst limit of non-search calls (190: Professional
 *                            and Enterprise portals, crm-protocols.md)
 */
public record SimulatorOptions(
        long seed,
        int reps,
        int days,
        Optional<LocalDate> lastDay,
        ZoneId zone,
        int salesforcePort,
        int hubSpotPort,
        FaultSpec faults,
        double liveChangesPerMinute,
        Optional<Path> dumpDir,
        long salesforceDailyApiLimit,
        int hubSpotRequestsPerTenSeconds,
        Clock clock) {

    public SimulatorOptions {
        Objects.requireNonNull(lastDay);
        Objects.requireNonNull(zone);
        Objects.requireNonNull(faults);
        Objects.requireNonNull(dumpDir);
        Objects.requireNonNull(clock);
        if (hubSpotRequestsPerTenSeconds < 1) {
            throw new IllegalArgumentException("the HubSpot burst limit must be at least 1");
        }
        if (liveChangesPerMinute < 0) {
            throw new IllegalArgumentException("live rate must not be negative");
        }
    }

    public static SimulatorOptions defaults() {
        return new SimulatorOptions(
                42,
                12,
                30,
                Optional.empty(),
                ZoneId.of("America/New_York"),
                0,
                0,
                FaultSpec.NONE,
                0,
                Optional.empty(),
                100_000,
                190,
                Clock.systemUTC());
    }

    public SimulatorOptions withSeed(long value) {
        return new SimulatorOptions(
                value,
                reps,
                days,
                lastDay,
                zone,
                salesforcePort,
                hubSpotPort,
                faults,
                liveChangesPerMinute,
                dumpDir,
                salesforceDailyApiLimit,
                hubSpotRequestsPerTenSeconds,
                clock);
    }

    public SimulatorOptions withVolume(int repCount, int dayCount) {
        return new SimulatorOptions(
                seed,
                repCount,
                dayCount,
                lastDay,
                zone,
                salesforcePort,
                hubSpotPort,
                faults,
                liveChangesPerMinute,
                dumpDir,
                salesforceDailyApiLimit,
                hubSpotRequestsPerTenSeconds,
                clock);
    }

    public SimulatorOptions withLastDay(LocalDate value) {
        return new SimulatorOptions(
                seed,
                reps,
                days,
                Optional.of(value),
                zone,
                salesforcePort,
                hubSpotPort,
                faults,
                liveChangesPerMinute,
                dumpDir,
                salesforceDailyApiLimit,
                hubSpotRequestsPerTenSeconds,
                clock);
    }

    public SimulatorOptions withPorts(int salesforce, int hubSpot) {
        return new SimulatorOptions(
                seed,
                reps,
                days,
                lastDay,
                zone,
                salesforce,
                hubSpot,
                faults,
                liveChangesPerMinute,
                dumpDir,
                salesforceDailyApiLimit,
                hubSpotRequestsPerTenSeconds,
                clock);
    }

    public SimulatorOptions withFaults(FaultSpec value) {
        return new SimulatorOptions(
                seed,
                reps,
                days,
                lastDay,
                zone,
                salesforcePort,
                hubSpotPort,
                value,
                liveChangesPerMinute,
                dumpDir,
                salesforceDailyApiLimit,
                hubSpotRequestsPerTenSeconds,
                clock);
    }

    public SimulatorOptions withLiveRate(double changesPerMinute) {
        return new SimulatorOptions(
                seed,
                reps,
                days,
                lastDay,
                zone,
                salesforcePort,
                hubSpotPort,
                faults,
                changesPerMinute,
                dumpDir,
                salesforceDailyApiLimit,
                hubSpotRequestsPerTenSeconds,
                clock);
    }

    public SimulatorOptions withDumpDir(Path value) {
        return new SimulatorOptions(
                seed,
                reps,
                days,
                lastDay,
                zone,
                salesforcePort,
                hubSpotPort,
                faults,
                liveChangesPerMinute,
                Optional.of(value),
                salesforceDailyApiLimit,
                hubSpotRequestsPerTenSeconds,
                clock);
    }

    public SimulatorOptions withSalesforceDailyApiLimit(long value) {
        return new SimulatorOptions(
                seed,
                reps,
                days,
                lastDay,
                zone,
                salesforcePort,
                hubSpotPort,
                faults,
                liveChangesPerMinute,
                dumpDir,
                value,
                hubSpotRequestsPerTenSeconds,
                clock);
    }

    public SimulatorOptions withHubSpotRequestsPerTenSeconds(int value) {
        return new SimulatorOptions(
                seed,
                reps,
                days,
                lastDay,
                zone,
                salesforcePort,
                hubSpotPort,
                faults,
                liveChangesPerMinute,
                dumpDir,
                salesforceDailyApiLimit,
                value,
                clock);
    }

    public SimulatorOptions withClock(Clock value) {
        return new SimulatorOptions(
                seed,
                reps,
                days,
                lastDay,
                zone,
                salesforcePort,
                hubSpotPort,
                faults,
                liveChangesPerMinute,
                dumpDir,
                salesforceDailyApiLimit,
                hubSpotRequestsPerTenSeconds,
                value);
    }

    /** The last day of history: the configured one, or yesterday in {@code zone}. */
    public LocalDate effectiveLastDay() {
        return lastDay.orElseGet(() -> LocalDate.now(clock.withZone(zone)).minusDays(1));
    }
}
