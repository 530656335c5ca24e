package io.scoreline.app.demo;

import io.scoreline.app.cli.CliOutput;
import io.scoreline.gamification.contests.ContestStore;
import io.scoreline.gamification.contests.Leaderboard;
import io.scoreline.gamification.contests.LeaderboardEntry;
import io.scoreline.gamification.notifications.Notification;
import io.scoreline.gamification.notifications.NotificationStore;
import io.scoreline.pipeline.integrations.Integration;
import io.scoreline.pipeline.runs.SyncRun;
import io.scoreline.pipeline.runs.SyncRunStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the terminal shows while the demo is live: runs that finished, notifications written since
 * the last look, and the contest's top rows whenever they changed.
 */
final class LiveView {

    static final Duration EVERY = Duration.ofSeconds(10);

    private final SyncRunStore runs;
    private final DemoTenant.Created created;
    private final CliOutput output;
    static final int LEADERBOARD_ROWS = 5;
    private static final int NOTIFICATIONS_PER_TICK = 10;

    private final NotificationStore notifications;
    private final ContestStore contests;
    private final long contestId;
    private final Map<Long, Long> lastSeenRun = new HashMap<>();
    private long lastSeenNotification;
    private List<LeaderboardEntry> lastBoard;

    LiveView(
            SyncRunStore runs,
            NotificationStore notifications,
            ContestStore contests,
            DemoTenant.Created created,
            long contestId,
            CliOutput output) {
        this.runs = runs;
        this.notifications = notifications;
        this.contests = contests;
        this.created = created;
        this.contestId = contestId;
        this.output = output;
        lastSeenNotification =
                newestNotifications().stream().mapToLong(Notification::id).max().orElse(0);
        lastBoard = top(contests.leaderboard(contestId));
        for (var integration : integrations()) {
            lastSeenRun.put(
                    integration.id(),
                    newest(integration).stream().mapToLong(SyncRun::id).max().orElse(0));
        }
    }

    void tick() {
        for (var integration : integrations()) {
            long seen = lastSeenRun.get(integration.id());
            for (var run : newest(integration).reversed()) {
                if (run.id() > seen && run.finishedAt().isPresent()) {
                    lastSeenRun.put(integration.id(), run.id());
                    line("sync " + DemoScenario.label(integration) + " run " + run.id() + " ("
                            + run.trigger().key() + "): "
                            + run.status().name().toLowerCase(java.util.Locale.ROOT) + ", " + run.recordsRead()
                            + " records, "
                            + run.factsChanged() + " facts changed, " + run.apiCalls() + " API calls");
                }
            }
        }
        notifications();
        leaderboard();
    }

    private void notifications() {
        var fresh = newestNotifications().stream()
                .filter(n -> n.id() > lastSeenNotification)
                .toList();
        for (var notification : fresh.reversed()) {
            line("notification: " + NotificationLine.of(notification));
        }
        fresh.stream().mapToLong(Notification::id).max().ifPresent(id -> lastSeenNotification = id);
    }

    private void leaderboard() {
        var board = contests.leaderboard(contestId);
        var top = top(board);
        if (top.equals(lastBoard)) {
            return;
        }
        lastBoard = top;
        if (output.json()) {
            output.jsonLine(Map.of(
                    "event",
                    "leaderboard",
                    "contest",
                    contestId,
                    "top",
                    top.stream().map(DemoSummaryOutput::rowJson).toList()));
        } else {
            DemoSummaryOutput.printLeaderboard(output, board, LEADERBOARD_ROWS);
        }
    }

    private static List<LeaderboardEntry> top(Leaderboard board) {
        return board.entries().stream().limit(LEADERBOARD_ROWS).toList();
    }

    private List<Notification> newestNotifications() {
        return notifications.list(created.organization().id(), Optional.empty(), NOTIFICATIONS_PER_TICK);
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
