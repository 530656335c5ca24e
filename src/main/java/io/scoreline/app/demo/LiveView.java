package io.scoreline.app.demo;

import io.scoreline.app.cli.CliOutput;
import io.scoreline.pipeline.integrations.Integration;
import io.scoreline.pipeline.runs.SyncRun;
import io.scoreline.pipeline.runs.SyncRunStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the terminal shows while the demo is live: runs that finished since the last look. */
final class LiveView {

    static final Duration EVERY = Duration.ofSeconds(10);

    private final SyncRunStore runs;
    private final DemoTenant.Created created;
    private final CliOutput output;
    private final Map<Long, Long> lastSeenRun = new HashMap<>();

    LiveView(SyncRunStore runs, DemoTenant.Created created, CliOutput output) {
        this.runs = runs;
        this.created = created;
        this.output = output;
        for (var integration : integrations()) {
            lastSeenRun.put(integration.id(), newest(integration).stream().mapToLong(SyncRun::id).max().orElse(0));
        }
    }

    void tick() {
        for (var integration : integrations()) {
            long seen = lastSeenRun.get(integration.id());
            for (var run : newest(integration).reversed()) {
                if (run.id() > seen && run.finishedAt().isPresent()) {
                    lastSeenRun.put(integration.id(), run.id());
                    line("sync " + DemoScenario.label(integration) + " run " + run.id() + " (" + run.trigger().key() + "): "
                            + run.status().name().toLowerCase(java.util.Locale.ROOT) + ", " + run.recordsRead() + " records, "
                            + run.factsChanged() + " facts changed, " + run.apiCalls() + " API calls");
                }
            }
        }
    }

    private List<Integration> integrations() {
        return List.of(created.salesforce(), created.hubSpot());
    }

    private List<SyncRun> newest(Integration integration) {
        return runs.recent(created.organization().id(), integration.id(), 5);
    }

    private void line(String text) {
        if (output.json()) {
            output.jsonLine(Map.of("event", text));
        } else {
            output.line("  " + text);
        }
    }
}
