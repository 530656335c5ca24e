package io.scoreline.sim;

import io.scoreline.sim.data.DatasetSpec;
import io.scoreline.sim.data.SyntheticDataset;
import io.scoreline.sim.fault.FaultPlan;
import io.scoreline.sim.hubspot.HubSpotCredentials;
import io.scoreline.sim.hubspot.HubSpotSettings;
import io.scoreline.sim.hubspot.HubSpotSimulator;
import io.scoreline.sim.salesforce.JwtSigningKeys;
import io.scoreline.sim.salesforce.SalesforceCredentials;
import io.scoreline.sim.salesforce.SalesforceIds;
import io.scoreline.sim.salesforce.SalesforceSettings;
import io.scoreline.sim.salesforce.SalesforceSimulator;
import java.time.Duration;

/** Starts both CRM simulators over one generated dataset. */
public final class Simulators {

    private Simulators() {}

    /**
     * Generates the dataset, starts the Salesforce and HubSpot simulators, writes the dump when
     * {@code dumpDir} is set, and starts live mode when a live rate is set.
     */
    public static RunningSimulators start(SimulatorOptions options) {
        SyntheticDataset dataset = SyntheticDataset.generate(new DatasetSpec(
                options.seed(), options.reps(), options.days(), options.effectiveLastDay(), options.zone()));
        SalesforceSimulator salesforce = SalesforceSimulator.start(dataset, salesforceSettings(options));
        HubSpotSimulator hubSpot;
        try {
            hubSpot = HubSpotSimulator.start(dataset, hubSpotSettings(options));
        } catch (RuntimeException e) {
            salesforce.close();
            throw e;
        }
        RunningSimulators running = new RunningSimulators(options, dataset, salesforce, hubSpot);
        try {
            options.dumpDir().ifPresent(running::dump);
        } catch (RuntimeException e) {
            running.close();
            throw e;
        }
        return running;
    }

    static HubSpotSettings hubSpotSettings(SimulatorOptions options) {
        SeededSecrets secrets = new SeededSecrets(options.seed(), "hubspot");
        HubSpotCredentials credentials = new HubSpotCredentials(
                10_000_000 + secrets.number(90_000_000),
                1_000_000 + secrets.number(9_000_000),
                secrets.uuid(),
                secrets.uuid(),
                secrets.uuid(),
                "pat-na1-" + secrets.uuid());
        return new HubSpotSettings(
                options.clock(),
                options.hubSpotPort(),
                credentials,
                Duration.ofMinutes(30),
                options.hubSpotRequestsPerTenSeconds(),
                5,
                1_000_000,
                Duration.ofSeconds(30),
                new FaultPlan(options.faults(), options.seed(), "hubspot"));
    }

    static SalesforceSettings salesforceSettings(SimulatorOptions options) {
        SeededSecrets secrets = new SeededSecrets(options.seed(), "salesforce");
        String orgId = SalesforceIds.of("00D", secrets.number(62L * 62 * 62 * 62 * 62 * 62));
        SalesforceCredentials credentials = new SalesforceCredentials(
                "3MVG9" + secrets.alphanumeric(80),
                secrets.digits(19),
                "5Aep861" + secrets.alphanumeric(80),
                "integration@scoreline-sim.example",
                "sim-" + secrets.alphanumeric(16),
                JwtSigningKeys.forSeed(options.seed()));
        return new SalesforceSettings(
                options.clock(),
                options.salesforcePort(),
                orgId,
                credentials,
                options.salesforceDailyApiLimit(),
                Duration.ofHours(2),
                Duration.ofMinutes(15),
                Duration.ofSeconds(30),
                new FaultPlan(options.faults(), options.seed(), "salesforce"));
    }
}
