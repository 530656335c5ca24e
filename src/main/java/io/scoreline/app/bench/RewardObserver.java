package io.scoreline.app.bench;

import static io.scoreline.pipeline.db.Tables.CONTEST_LEADERBOARDS;
import static io.scoreline.pipeline.db.Tables.NOTIFICATIONS;

import io.scoreline.gamification.notifications.NotificationKind;
import io.scoreline.pipeline.database.TenantTransactions;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Watches, from a thread of its own, when a reader could first see each new leaderboard row of the
 * bench's contest and each badge notification: every {@link #INTERVAL_MILLIS} ms it reads both and
 * stamps what is new with the time that read started. A row written (committed) between two reads
 * is stamped with the second one's start, so an observed time is late by at most the interval plus
 * one read. Polling is needed because a leaderboard row keeps only its latest {@code updated_at}.
 */
final class RewardObserver implements AutoCloseable {

    static final long INTERVAL_MILLIS = 100;

    /** A leaderboard row as it was written at {@code writtenAt} and first seen at {@code seenAt}. */
    record Seen(long profileId, Instant writtenAt, Instant seenAt) {}

    private final TenantTransactions transactions;
    private final long organizationId;
    private final long contestId;
    private final Clock clock;
    private final Map<String, Instant> lastWritten = new HashMap<>();
    private final ConcurrentLinkedQueue<Seen> rows = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Seen> badges = new ConcurrentLinkedQueue<>();
    private final CountDownLatch stop = new CountDownLatch(1);
    private long lastNotification;
    private long polls;
    private final Thread thread;

    RewardObserver(TenantTransactions transactions, long organizationId, long contestId, Clock clock) {
        this.transactions = transactions;
        this.organizationId = organizationId;
        this.contestId = contestId;
        this.clock = clock;
        // Skips what was there before the phase: only rewards written from now on are observed.
        poll(false);
        this.thread = Thread.ofPlatform().name("bench-reward-observer").daemon().start(this::run);
    }

    private void run() {
        try {
            while (!stop.await(INTERVAL_MILLIS, TimeUnit.MILLISECONDS)) {
                poll(true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void poll(boolean record) {
        var seenAt = clock.instant();
        transactions.inOrganization(organizationId, tx -> {
            tx.select(CONTEST_LEADERBOARDS.PARTICIPANT_KEY, CONTEST_LEADERBOARDS.UPDATED_AT)
                    .from(CONTEST_LEADERBOARDS)
                    .where(CONTEST_LEADERBOARDS.CONTEST_ID.eq(contestId))
                    .fetch()
                    .forEach(r -> {
                        var written = r.value2().toInstant();
                        if (!written.equals(lastWritten.put(r.value1(), written))
                                && record
                                && r.value1().startsWith("profile:")) {
                            rows.add(new Seen(Long.parseLong(r.value1().substring(8)), written, seenAt));
                        }
                    });
            tx.select(NOTIFICATIONS.ID, NOTIFICATIONS.PROFILE_ID, NOTIFICATIONS.CREATED_AT)
                    .from(NOTIFICATIONS)
                    .where(NOTIFICATIONS.ID.gt(lastNotification))
                    .and(NOTIFICATIONS.KIND.eq(NotificationKind.BADGE_EARNED.key()))
                    .orderBy(NOTIFICATIONS.ID)
                    .fetch()
                    .forEach(r -> {
                        lastNotification = r.value1();
                        if (record) {
                            badges.add(new Seen(r.value2(), r.value3().toInstant(), seenAt));
                        }
                    });
            return null;
        });
        polls++;
    }

    /** Leaderboard rows of people, each time one was written anew. */
    List<Seen> leaderboardRows() {
        return List.copyOf(rows);
    }

    /** Badge notifications, stamped with their {@code created_at}. */
    List<Seen> badgeNotifications() {
        return List.copyOf(badges);
    }

    /** Stops after one last read, so that what the evaluator wrote last is seen too. */
    @Override
    public void close() {
        stop.countDown();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        poll(true);
    }

    long polls() {
        return polls;
    }
}
