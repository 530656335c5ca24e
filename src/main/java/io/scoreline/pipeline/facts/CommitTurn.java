package io.scoreline.pipeline.facts;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A page's place in a sequence of page transactions that overlap (ADR 0009): the page locks and
 * writes its records and facts once the page before it has written its own, and writes its KPI
 * cells, outbox rows and checkpoint, then commits, only once the page before it has committed
 * and been accepted by the caller. Pages therefore commit in order, a checkpoint never passes an
 * uncommitted page, and the two pages in flight never wait for each other's row locks in
 * opposite directions: the later one holds only rows of its own records while it waits.
 */
public final class CommitTurn {

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final CompletableFuture<Void> previousWritten;
    private final CompletableFuture<Void> previousAccepted;
    private final CompletableFuture<Void> written = new CompletableFuture<>();
    private final CompletableFuture<Void> accepted = new CompletableFuture<>();

    private CommitTurn(CompletableFuture<Void> previousWritten, CompletableFuture<Void> previousAccepted) {
        this.previousWritten = previousWritten;
        this.previousAccepted = previousAccepted;
    }

    /** A page with nothing before it: it never waits. */
    public static CommitTurn first() {
        return new CommitTurn(DONE, DONE);
    }

    /** The turn of the page after this one. */
    public CommitTurn next() {
        return new CommitTurn(written, accepted);
    }

    /** Blocks until the previous page's records and facts are written (or it ended). */
    void awaitWriteTurn() {
        await(previousWritten.exceptionally(failure -> null));
    }

    /** This page's records and facts are written: the next page may lock and write its own. */
    void recordsWritten() {
        written.complete(null);
    }

    /** Blocks until the previous page committed and was accepted; throws, rolling this page back, if it was not. */
    void awaitCommitTurn() {
        await(previousAccepted);
    }

    /** This page committed and its caller took its result: the next page may commit. */
    public void accepted() {
        written.complete(null);
        accepted.complete(null);
    }

    /** This page failed or was given up: the pages after it must not commit. */
    public void abandoned(Throwable why) {
        written.complete(null);
        accepted.completeExceptionally(why);
    }

    private static void await(CompletableFuture<Void> future) {
        try {
            future.get();
        } catch (ExecutionException | CompletionException e) {
            throw new ScorelineException(
                    FailureKind.RETRYABLE, "an earlier page did not commit, so this one is rolled back", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScorelineException(
                    FailureKind.RETRYABLE, "interrupted while waiting for the previous page to commit", e);
        }
    }
}
