package io.scoreline.pipeline.inbox;

import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.audit.Actor;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Looking into the webhook inbox and putting parked (failed) events back (ADR 0029). A replay
 * puts the events back to pending in one transaction per organization, then processes every
 * waiting event in the calling thread, so the answer shows how each replayed event ended; a
 * running {@code serve} would pick them up as well.
 */
@Singleton
public final class InboxReplay {

    private final OrganizationStore organizations;
    private final InboxStore inbox;
    // A provider: the workers (and the connectors they open) are needed only to process a replay.
    private final Provider<InboxWorkers> workers;
    private final Clock clock;

    @Inject
    public InboxReplay(OrganizationStore organizations, InboxStore inbox, Provider<InboxWorkers> workers, Clock clock) {
        this.organizations = organizations;
        this.inbox = inbox;
        this.workers = workers;
        this.clock = clock;
    }

    /**
     * Events newest first, per organization.
     *
     * @param organizationSlug one organization, or empty for all
     * @param limit            how many events per organization
     */
    public List<InboxEntry> list(Optional<String> organizationSlug, Optional<InboxStatus> status, int limit) {
        var entries = new ArrayList<InboxEntry>();
        for (var organization : scope(organizationSlug)) {
            entries.addAll(inbox.list(organization.id(), status, limit));
        }
        return entries;
    }

    /**
     * Puts failed events back and processes them now.
     *
     * @param organizationSlug one organization, or empty for all
     * @param eventId          one event, which must be failed; empty for every failed event
     * @return the replayed events as they are after processing, per organization, newest first
     */
    public List<InboxEntry> replay(Optional<String> organizationSlug, Optional<Long> eventId) {
        var scope = scope(organizationSlug);
        var now = clock.instant();
        var replayed = new ArrayList<Replayed>();
        for (var organization : scope) {
            if (eventId.isPresent()) {
                var entry = inbox.find(organization.id(), eventId.get());
                if (entry.isEmpty()) {
                    continue;
                }
                if (entry.get().status() != InboxStatus.FAILED) {
                    throw ScorelineException.conflict("inbox event " + eventId.get() + " is "
                            + entry.get().status().key() + ", not failed: only failed events are replayed");
                }
            }
            inbox.replay(organization.id(), eventId, now)
                    .forEach(id -> replayed.add(new Replayed(organization.id(), id)));
        }
        if (eventId.isPresent() && replayed.isEmpty()) {
            throw ScorelineException.notFound("no inbox event " + eventId.get()
                    + organizationSlug.map(s -> " in organization " + s).orElse(""));
        }
        workers.get().drain();
        return replayed.stream()
                .flatMap(r -> inbox.find(r.organizationId(), r.eventId()).stream())
                .toList();
    }

    /**
     * One page of one organization's events, newest first ({@code GET /api/v1/inbox}).
     *
     * @throws ScorelineException not found when an integration is named that the organization does not have
     */
    public InboxPage page(
            long organizationId,
            Optional<Long> integrationId,
            Optional<InboxStatus> status,
            Optional<InboxCursor> after,
            int limit) {
        // One more than asked says whether another page follows.
        var entries = inbox.page(organizationId, integrationId, status, after.map(InboxCursor::beforeId), limit + 1);
        if (entries.isEmpty()
                && integrationId.isPresent()
                && !inbox.hasIntegration(organizationId, integrationId.get())) {
            throw ScorelineException.notFound("no integration " + integrationId.get());
        }
        if (entries.size() <= limit) {
            return new InboxPage(entries, Optional.empty());
        }
        var page = entries.subList(0, limit);
        return new InboxPage(page, Optional.of(new InboxCursor(page.getLast().id())));
    }

    /** @throws ScorelineException not found when the organization has no such event */
    public InboxEntry get(long organizationId, long eventId) {
        return inbox.find(organizationId, eventId)
                .orElseThrow(() -> ScorelineException.notFound("no inbox event " + eventId));
    }

    /**
     * Replays one failed event of the organization for {@code actor} and processes the
     * organization's waiting events now, as {@code inbox --replay ID} does.
     *
     * @return the event as it is after processing
     * @throws ScorelineException not found for another organization's event, a conflict when it is not failed
     */
    public InboxEntry replay(long organizationId, long eventId, Actor actor) {
        inbox.replayEvent(organizationId, eventId, clock.instant(), actor);
        workers.get().drain(organizationId);
        return get(organizationId, eventId);
    }

    /**
     * Replays every failed event of one integration for {@code actor} and processes them now.
     *
     * @return the replayed events as they are after processing, newest first
     * @throws ScorelineException not found when the organization has no such integration
     */
    public List<InboxEntry> replayIntegration(long organizationId, long integrationId, Actor actor) {
        var ids = inbox.replayIntegration(organizationId, integrationId, clock.instant(), actor);
        if (!ids.isEmpty()) {
            workers.get().drain(organizationId);
        }
        return ids.stream()
                .flatMap(id -> inbox.find(organizationId, id).stream())
                .toList();
    }

    private record Replayed(long organizationId, long eventId) {}

    /** The organizations a call acts in: the authorization point (ADR 0029). */
    private List<Organization> scope(Optional<String> organizationSlug) {
        return organizationSlug
                .map(slug -> List.of(organizations.require(slug)))
                .orElseGet(organizations::list);
    }
}
