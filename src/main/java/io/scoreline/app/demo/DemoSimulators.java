package io.scoreline.app.demo;

import io.scoreline.sim.HubSpotConnection;
import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SalesforceConnection;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import java.time.Clock;
import java.time.ZoneId;

/**
 * Two seeded simulator sets: the demo's Salesforce org comes from one, its HubSpot portal from the
 * other. Each set serves one dataset through both CRMs, so connecting both CRMs of one set would
 * count every activity twice; two seeds give two sales floors that share nothing.
 */
final class DemoSimulators implements AutoCloseable {

    static final ZoneId ZONE = ZoneId.of("America/New_York");

    private final RunningSimulators salesforceSide;
    private final RunningSimulators hubSpotSide;

    DemoSimulators(DemoSettings settings, Clock clock) {
        var base = SimulatorOptions.defaults()
                .withClock(clock)
                .withVolume(settings.repsPerCrm(), settings.days())
                .withLiveRate(settings.liveFor().isZero() ? 0 : settings.liveRate());
        salesforceSide = Simulators.start(base.withSeed(settings.seed()));
        RunningSimulators hubSpot;
        try {
            hubSpot = Simulators.start(base.withSeed(settings.seed() + 1));
        } catch (RuntimeException e) {
            salesforceSide.close();
            throw e;
        }
        hubSpotSide = hubSpot;
    }

    SalesforceConnection salesforce() {
        return salesforceSide.salesforce();
    }

    HubSpotConnection hubSpot() {
        return hubSpotSide.hubSpot();
    }

    RunningSimulators salesforceSide() {
        return salesforceSide;
    }

    RunningSimulators hubSpotSide() {
        return hubSpotSide;
    }

    @Override
    public void close() {
        hubSpotSide.close();
        salesforceSide.close();
    }
}
