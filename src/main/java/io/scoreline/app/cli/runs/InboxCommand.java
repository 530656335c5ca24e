package io.scoreline.app.cli.runs;

import io.scoreline.app.cli.RangeOption;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ChoiceOption;
import io.micronaut.context.ApplicationContext;
import io.scoreline.connectors.spi.ScorelineException;
import io.scoreline.pipeline.inbox.InboxEntry;
import io.scoreline.pipeline.inbox.InboxStatus;
import io.scoreline.pipeline.inbox.InboxStore;
import io.scoreline.pipeline.inbox.InboxWorkers;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scoreline inbox}: webhook events in the inbox, newest first; {@code --replay} puts parked
 * (failed) events back and processes them now (a running {@code serve} would pick them up too).
 */
@Command(name = "inbox",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline inbox --status failed",
                "  scoreline inbox --org acme --replay 42",
                "  scoreline inbox --replay-all"},
        description = "Show webhook inbox events (newest first); replay failed ones.")
public final class InboxCommand extends ContextCommand {

    @Option(names = "--org", paramLabel = "SLUG", description = "Only this organization (default: all)")
    String org;

    @Option(names = "--status", paramLabel = "STATUS", description = "pending, processing, done or failed")
    String status;

    @Option(names = "--limit", defaultValue = "50", description = "How many events per organization (default: ${DEFAULT-VALUE})")
    int limit;

    private static final int MAX_LIMIT = 100_000;

    private Optional<InboxStatus> statusFilter;

    @ArgGroup(exclusive = true)
    Replay replay;

    static final class Replay {
        @Option(names = "--replay", paramLabel = "ID", description = "Replay this failed event")
        Long id;

        @Option(names = "--replay-all", description = "Replay every failed event")
        boolean all;
    }

    @Override
    protected void validate() {
        statusFilter = Optional.ofNullable(status).map(ChoiceOption::inboxStatus);
        RangeOption.check("--limit", limit, 1, MAX_LIMIT);
    }

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var organizations = context.getBean(OrganizationStore.class);
        var inbox = context.getBean(InboxStore.class);
        List<Organization> scope = org == null ? organizations.list() : List.of(organizations.require(org));
        if (replay != null) {
            return replay(context, inbox, scope, output);
        }
        var entries = new ArrayList<InboxEntry>();
        for (var organization : scope) {
            entries.addAll(inbox.list(organization.id(), statusFilter, limit));
        }
        if (output.json()) {
            entries.forEach(entry -> output.jsonLine(json(entry)));
        } else if (entries.isEmpty()) {
            output.line("No inbox events" + (status == null ? "" : " with status " + status));
        } else {
            output.table(List.of("ID", "INTEGRATION", "PROVIDER", "OBJECT", "RECORD", "EVENT", "STATUS", "ATTEMPTS", "RECEIVED", "ERROR"),
                    entries.stream().map(e -> List.of(Long.toString(e.id()), Long.toString(e.integrationId()), e.provider().key(),
                            e.objectType().orElse("-"), e.recordId(), e.eventType(), e.status().key(), Integer.toString(e.attempts()),
                            e.receivedAt().toString(), e.lastError().orElse(""))).toList());
        }
        return 0;
    }

    private int replay(ApplicationContext context, InboxStore inbox, List<Organization> scope, CliOutput output) {
        var now = context.getBean(Clock.class).instant();
        var replayed = new ArrayList<Long>();
        for (var organization : scope) {
            if (replay.id != null) {
                var entry = inbox.find(organization.id(), replay.id);
                if (entry.isEmpty()) {
                    continue;
                }
                if (entry.get().status() != InboxStatus.FAILED) {
                    throw ScorelineException.conflict("inbox event " + replay.id + " is " + entry.get().status().key()
                            + ", not failed: only failed events are replayed");
                }
            }
            var before = inbox.list(organization.id(), Optional.of(InboxStatus.FAILED), Integer.MAX_VALUE).stream()
                    .map(InboxEntry::id).filter(id -> replay.id == null || id.equals(replay.id)).toList();
            if (!inbox.replay(organization.id(), Optional.ofNullable(replay.id), now).isEmpty()) {
                replayed.addAll(before);
            }
        }
        if (replay.id != null && replayed.isEmpty()) {
            throw ScorelineException.notFound("no inbox event " + replay.id + (org == null ? "" : " in organization " + org));
        }
        context.getBean(InboxWorkers.class).drain();
        for (var organization : scope) {
            for (var id : replayed) {
                inbox.find(organization.id(), id).ifPresent(entry -> {
                    if (output.json()) {
                        output.jsonLine(json(entry));
                    } else {
                        output.line("inbox event " + entry.id() + ": " + entry.status().key()
                                + entry.lastError().filter(e -> entry.status() != InboxStatus.DONE).map(e -> " (" + e + ")").orElse(""));
                    }
                });
            }
        }
        if (replayed.isEmpty() && !output.json()) {
            output.line("No failed inbox events to replay");
        }
        return 0;
    }

    private static LinkedHashMap<String, Object> json(InboxEntry entry) {
        var line = new LinkedHashMap<String, Object>();
        line.put("id", entry.id());
        line.put("organization", entry.organizationId());
        line.put("integration", entry.integrationId());
        line.put("provider", entry.provider().key());
        line.put("object_type", entry.objectType().orElse(null));
        line.put("record_id", entry.recordId());
        line.put("event_type", entry.eventType());
        line.put("status", entry.status().key());
        line.put("attempts", entry.attempts());
        line.put("received_at", entry.receivedAt().toString());
        line.put("processed_at", entry.processedAt().map(Instant::toString).orElse(null));
        line.put("last_error", entry.lastError().orElse(null));
        return line;
    }
}
