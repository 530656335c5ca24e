package io.scoreline.app.cli.runs;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.ChoiceOption;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.cli.RangeOption;
import io.scoreline.app.view.InboxEventView;
import io.scoreline.pipeline.inbox.InboxReplay;
import io.scoreline.pipeline.inbox.InboxStatus;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scoreline inbox}: webhook events in the inbox, newest first; {@code --replay} puts parked
 * (failed) events back and processes them now (a running {@code serve} would pick them up too).
 */
@Command(
        name = "inbox",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline inbox --status failed",
            "  scoreline inbox --org acme --replay 42",
            "  scoreline inbox --replay-all"
        },
        description = "Show webhook inbox events (newest first); replay failed ones.")
public final class InboxCommand extends ContextCommand {

    @Option(names = "--org", paramLabel = "SLUG", description = "Only this organization (default: all)")
    String org;

    @Option(names = "--status", paramLabel = "STATUS", description = "pending, processing, done or failed")
    String status;

    @Option(
            names = "--limit",
            defaultValue = "50",
            description = "How many events per organization (default: ${DEFAULT-VALUE})")
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
        var inbox = context.getBean(InboxReplay.class);
        var organization = Optional.ofNullable(org);
        if (replay != null) {
            var replayed = inbox.replay(organization, Optional.ofNullable(replay.id));
            for (var entry : replayed) {
                if (output.json()) {
                    output.jsonLine(InboxEventView.of(entry));
                } else {
                    output.line(
                            "inbox event " + entry.id() + ": " + entry.status().key()
                                    + entry.lastError()
                                            .filter(e -> entry.status() != InboxStatus.DONE)
                                            .map(e -> " (" + e + ")")
                                            .orElse(""));
                }
            }
            if (replayed.isEmpty() && !output.json()) {
                output.line("No failed inbox events to replay");
            }
            return 0;
        }
        var entries = inbox.list(organization, statusFilter, limit);
        if (output.json()) {
            entries.forEach(entry -> output.jsonLine(InboxEventView.of(entry)));
        } else if (entries.isEmpty()) {
            output.line("No inbox events" + (status == null ? "" : " with status " + status));
        } else {
            output.table(
                    List.of(
                            "ID",
                            "INTEGRATION",
                            "PROVIDER",
                            "OBJECT",
                            "RECORD",
                            "EVENT",
                            "STATUS",
                            "ATTEMPTS",
                            "RECEIVED",
                            "ERROR"),
                    entries.stream()
                            .map(e -> List.of(
                                    Long.toString(e.id()),
                                    Long.toString(e.integrationId()),
                                    e.provider().key(),
                                    e.objectType().orElse("-"),
                                    e.recordId(),
                                    e.eventType(),
                                    e.status().key(),
                                    Integer.toString(e.attempts()),
                                    e.receivedAt().toString(),
                                    e.lastError().orElse("")))
                            .toList());
        }
        return 0;
    }
}
