package io.scoreline.app.cli.admin;

import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.CommonOptions;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.cli.RangeOption;
import io.scoreline.failure.ScorelineException;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.sim.fault.FaultSpec;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scoreline sim}: the Salesforce and HubSpot simulators with seeded synthetic sales data,
 * served until Ctrl-C. With {@code --json}, one line with the URLs and credentials to connect with.
 */
@Command(
        name = "sim",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline sim --json",
            "  scoreline sim --salesforce-port 9001 --hubspot-port 9002 --faults 429:0.05,500:0.02 --live-rate 30"
        },
        description = "Run the Salesforce and HubSpot simulators (seeded data, optional faults and live changes).")
public final class SimCommand implements Callable<Integer> {

    @Option(names = "--salesforce-port", defaultValue = "0", description = "Salesforce port (default: a free one)")
    int salesforcePort;

    @Option(names = "--hubspot-port", defaultValue = "0", description = "HubSpot port (default: a free one)")
    int hubSpotPort;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Data seed: the same seed gives the same data (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--reps", defaultValue = "12", description = "Sales reps (default: ${DEFAULT-VALUE})")
    int reps;

    @Option(names = "--days", defaultValue = "30", description = "Days of history (default: ${DEFAULT-VALUE})")
    int days;

    @Option(
            names = "--timezone",
            defaultValue = "America/New_York",
            paramLabel = "TZ",
            description = "Time zone of the reps' working day")
    String timezone;

    @Option(
            names = "--faults",
            paramLabel = "SPEC",
            description = "e.g. 429:0.05,500:0.02,timeout:0.01,expire-token:300s,malformed:0.001")
    String faults;

    @Option(
            names = "--live-rate",
            defaultValue = "0",
            paramLabel = "PER_MINUTE",
            description = "Create, edit and delete records at this rate while running")
    double liveRate;

    @Option(
            names = "--hubspot-burst-limit",
            defaultValue = "190",
            paramLabel = "CALLS",
            description =
                    "HubSpot non-search calls allowed per portal per 10 s (default: ${DEFAULT-VALUE}, Professional/Enterprise)")
    int hubSpotBurstLimit;

    @Option(
            names = "--dump",
            paramLabel = "DIR",
            description = "Write the ground truth (every record as the API returns it) to DIR at start")
    Path dump;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (hubSpotBurstLimit < 1 || hubSpotBurstLimit > 1_000_000) {
            throw ScorelineException.badInput("--hubspot-burst-limit must be from 1 to 1000000");
        }
        RangeOption.check("--reps", reps, 1, 10_000);
        RangeOption.check("--days", days, 1, 3_650);
        RangeOption.check("--live-rate", liveRate, 0, 1_000_000);
        RangeOption.port("--salesforce-port", salesforcePort);
        RangeOption.port("--hubspot-port", hubSpotPort);
        if (!ZoneId.getAvailableZoneIds().contains(timezone)) {
            throw ScorelineException.badInput(
                    "invalid timezone '" + timezone + "': use an IANA time zone such as America/New_York");
        }
        FaultSpec faultSpec;
        try {
            faultSpec = faults == null ? FaultSpec.NONE : FaultSpec.parse(faults);
        } catch (IllegalArgumentException e) {
            throw ScorelineException.badInput("invalid --faults '" + faults + "': " + e.getMessage());
        }
        var options = SimulatorOptions.defaults()
                .withSeed(seed)
                .withVolume(reps, days)
                .withPorts(salesforcePort, hubSpotPort)
                .withFaults(faultSpec)
                .withLiveRate(liveRate);
        options = new SimulatorOptions(
                options.seed(),
                options.reps(),
                options.days(),
                options.lastDay(),
                ZoneId.of(timezone),
                options.salesforcePort(),
                options.hubSpotPort(),
                options.faults(),
                options.liveChangesPerMinute(),
                java.util.Optional.ofNullable(dump),
                options.salesforceDailyApiLimit(),
                hubSpotBurstLimit,
                options.clock());
        var stopped = new CountDownLatch(1);
        try (var sims = Simulators.start(options)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "sim-shutdown"));
            var output =
                    new CliOutput(new java.io.PrintWriter(spec.commandLine().getOut(), true), common.json());
            Map<String, Object> description = sims.describe();
            if (output.json()) {
                output.jsonLine(description);
            } else {
                output.line("Salesforce simulator: " + sims.salesforce().loginUrl() + "  (org "
                        + sims.salesforce().orgId() + ")");
                output.line("HubSpot simulator:    " + sims.hubSpot().baseUrl() + "  (portal "
                        + sims.hubSpot().portalId() + ")");
                output.line("Credentials: run with --json for everything needed to connect; Ctrl-C stops");
                if (dump != null) {
                    output.line("Ground truth written to " + dump);
                }
            }
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
