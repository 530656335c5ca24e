package io.scoreline.sim;

import io.scoreline.sim.data.DatasetSpec;
import io.scoreline.sim.data.SyntheticDataset;
import io.scoreline.sim.fault.FaultPlan;
import io.scoreline.sim.salesforce.SalesforceCredentials;
import io.scoreline.sim.salesforce.SalesforceIds;
import io.scoreline.sim.salesforce.SalesforceSettings;
import io.scoreline.sim.salesforce.SalesforceSimulator;
import java.time.Duration;

/** Starts both CRM simulators over one generated dataset. */
public final class Simulators {

    private Simulators() {
    }

    /**
     * Generates the dataset, starts the Salesforce and HubSpot simulators, writes the dump when
     * {@code dumpDir} is set, and starts live mode when a live rate is set.
     */
    public static RunningSimulators start(SimulatorOptions options) {
        SyntheticDataset dataset = SyntheticDataset.generate(new DatasetSpec(options.seed(), options.reps(),
                options.days(), options.effectiveLastDay(), options.zone()));
        SalesforceSimulator salesforce = SalesforceSimulator.start(dataset, salesforceSettings(options));
        RunningSimulators running = new RunningSimulators(options, dataset, salesforce);
        options.dumpDir().ifPresent(running::dump);
        return running;
    }

    static SalesforceSettings salesforceSettings(SimulatorOptions options) {
        SeededSecrets secrets = new SeededSecrets(options.seed(), "salesforce");
        String orgId = SalesforceIds.of("00D", secrets.number(62L * 62 * 62 * 62 * 62 * 62));
        SalesforceCredentials credentials = new SalesforceCredentials("3MVG9" + secrets.alphanumeric(80),
                secrets.digits(19), "5Aep861" + secrets.alphanumeric(80), "integration@scoreline-sim.example",
                "sim-" + secrets.alphanumeric(16));
        return new SalesforceSettings(options.clock(), options.salesforcePort(), orgId, credentials,
                options.salesforceDailyApiLimit(), Duration.ofHours(2), Duration.ofMinutes(15),
                Duration.ofSeconds(30), new FaultPlan(options.faults(), options.seed(), "salesforce"));
    }
}
