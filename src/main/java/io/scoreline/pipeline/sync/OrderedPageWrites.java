package io.scoreline.pipeline.sync;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.facts.CommitTurn;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Up to {@code inFlight} page writes at once, each on a virtual thread in its own transaction,
 * committed in the order they were submitted (ADR 0009). The caller takes each page's result on
 * its own thread, oldest first; only after it has taken a page's result without throwing may the
 * next page commit. So a failing page, or a caller that stops after a page (a quota share spent,
 * a crash), leaves every later page rolled back, and the checkpoint at the last accepted page.
 */
final class OrderedPageWrites implements AutoCloseable {

    private record Pending(Future<Long> write, CommitTurn turn, LongConsumer accept) {}

    private final int inFlight;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Deque<Pending> pending = new ArrayDeque<>();
    private CommitTurn nextTurn = CommitTurn.first();

    OrderedPageWrites(int inFlight) {
        if (inFlight < 1) {
            throw new IllegalArgumentException("at least one page in flight");
        }
        this.inFlight = inFlight;
    }

    /**
     * Starts writing a page, after taking the oldest page's result if {@code inFlight} pages are
     * already in flight.
     *
     * @param write  writes the page in its turn and returns the facts it changed
     * @param accept takes that count once the page has committed (progress, budget); throwing stops the run
     */
    void submit(Function<CommitTurn, Long> write, LongConsumer accept) {
        while (pending.size() >= inFlight) {
            acceptOldest();
        }
        var turn = nextTurn;
        nextTurn = turn.next();
        pending.addLast(new Pending(executor.submit(() -> write.apply(turn)), turn, accept));
    }

    /** Takes every page's result, in order. */
    void finish() {
        while (!pending.isEmpty()) {
            acceptOldest();
        }
    }

    private void acceptOldest() {
        var oldest = pending.removeFirst();
        try {
            oldest.accept().accept(await(oldest.write()));
        } catch (RuntimeException | Error e) {
            oldest.turn().abandoned(e);
            throw e;
        }
        oldest.turn().accepted();
    }

    private static long await(Future<Long> write) {
        try {
            return write.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new ScorelineException(FailureKind.BUG, "writing a page failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScorelineException(FailureKind.RETRYABLE, "interrupted while writing a page", e);
        }
    }

    /** Rolls back every page whose result was not taken, and waits for their threads. */
    @Override
    public void close() {
        var stopped =
                new ScorelineException(FailureKind.RETRYABLE, "the run stopped before this page's turn to commit");
        for (var page : pending) {
            page.turn().abandoned(stopped);
        }
        pending.clear();
        executor.close();
    }
}
