package io.scoreline.pipeline.inbox;

import io.scoreline.failure.ScorelineException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Commits webhook requests to the inbox together: requests that arrive while a commit is under
 * way wait for the next one and share it, one transaction (and one WAL flush) per organization
 * for all of them, instead of one transaction and one pooled connection each (ADR 0053). No
 * thread of its own: the first waiting request commits for everyone queued (the leader), the
 * others wait for their own result, so a request still returns only once its events are committed
 * (ADR 0021). A shared transaction that fails is retried one request at a time, so a request that
 * cannot be stored fails alone, as it did when each had its own transaction. When more requests
 * wait than {@code maxQueued}, a new one is refused at once rather than queued without bound
 * ({@link Result.Busy}): the caller answers 503 with Retry-After and the CRM
 * delivers again.
 */
final class InboxGroupCommit {

    /** What became of one request. */
    sealed interface Result {
        /** Committed; {@code inserted} of its events were new (the rest redeliveries). */
        record Stored(int inserted) implements Result {}

        /** Not taken: too many requests wait to be committed already. */
        record Busy() implements Result {}
    }

    /** One request's events for one integration, and the answer its caller waits for. */
    record Insert(
            long organizationId, long integrationId, List<InboxEvent> events, Instant receivedAt, Instant dueAt) {}

    private record Waiting(List<Insert> inserts, CompletableFuture<Integer> inserted) {}

    /** Most requests one commit takes, so that a leader's own wait stays bounded. */
    private static final int MAX_GROUP = 64;

    private final InboxStore inbox;
    private final int maxQueued;
    private final ConcurrentLinkedQueue<Waiting> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final ReentrantLock leader = new ReentrantLock();

    InboxGroupCommit(InboxStore inbox, int maxQueued) {
        this.inbox = inbox;
        this.maxQueued = maxQueued;
    }

    /**
     * Commits one request's inserts (all of them, or none if it fails), or refuses it when too many
     * requests wait already.
     *
     * @throws ScorelineException what storing this request failed with
     */
    Result commit(List<Insert> inserts) {
        if (queued.incrementAndGet() > maxQueued) {
            queued.decrementAndGet();
            return new Result.Busy();
        }
        var waiting = new Waiting(inserts, new CompletableFuture<>());
        queue.add(waiting);
        lead();
        try {
            return new Result.Stored(waiting.inserted().join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Requests waiting for a leader to take them (not the ones being committed). */
    int queued() {
        return queued.get();
    }

    /**
     * Commits what is queued while this thread can lead. A request queued just as the leader let
     * go is seen by the leader's re-check after unlocking, so none is left waiting.
     */
    private void lead() {
        while (!queue.isEmpty() && leader.tryLock()) {
            try {
                for (var group = take(); !group.isEmpty(); group = take()) {
                    try {
                        commitGroup(group);
                    } catch (Error e) {
                        // Nobody may wait for ever: the group learns what stopped its leader.
                        group.forEach(w -> w.inserted().completeExceptionally(e));
                        throw e;
                    }
                }
            } finally {
                leader.unlock();
            }
        }
    }

    private List<Waiting> take() {
        var group = new ArrayList<Waiting>();
        for (Waiting next; group.size() < MAX_GROUP && (next = queue.poll()) != null; ) {
            queued.decrementAndGet();
            group.add(next);
        }
        return group;
    }

    private void commitGroup(List<Waiting> group) {
        var byOrganization = new LinkedHashMap<Long, List<Waiting>>();
        for (var waiting : group) {
            // A request's deliveries all route to one organization's integrations; keyed by its first.
            long organizationId = waiting.inserts().isEmpty()
                    ? -1
                    : waiting.inserts().getFirst().organizationId();
            byOrganization
                    .computeIfAbsent(organizationId, id -> new ArrayList<>())
                    .add(waiting);
        }
        byOrganization.forEach((organizationId, requests) -> {
            if (requests.size() == 1 || organizationId < 0 || spansOrganizations(requests)) {
                requests.forEach(this::commitAlone);
                return;
            }
            List<Integer> counts;
            try {
                counts = inbox.insertAll(
                        organizationId, requests.stream().map(Waiting::inserts).toList());
            } catch (RuntimeException e) {
                // One request's events may be what failed: each is tried on its own, and fails alone.
                requests.forEach(this::commitAlone);
                return;
            }
            for (int i = 0; i < requests.size(); i++) {
                requests.get(i).inserted().complete(counts.get(i));
            }
        });
    }

    private static boolean spansOrganizations(List<Waiting> requests) {
        return requests.stream()
                        .flatMap(w -> w.inserts().stream())
                        .map(Insert::organizationId)
                        .distinct()
                        .count()
                > 1;
    }

    /** A request in transactions of its own, one per organization, as before group commit. */
    private void commitAlone(Waiting waiting) {
        try {
            int inserted = 0;
            for (var insert : waiting.inserts()) {
                inserted += inbox.insert(
                        insert.organizationId(),
                        insert.integrationId(),
                        insert.events(),
                        insert.receivedAt(),
                        insert.dueAt());
            }
            waiting.inserted().complete(inserted);
        } catch (RuntimeException e) {
            waiting.inserted().completeExceptionally(e);
        }
    }
}
