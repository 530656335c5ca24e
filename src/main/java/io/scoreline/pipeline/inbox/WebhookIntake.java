package io.scoreline.pipeline.inbox;

import io.scoreline.connectors.spi.CrmProfiles;
import io.scoreline.connectors.spi.WebhookRequest;
import io.scoreline.connectors.spi.WebhookVerdict;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.integrations.IntegrationStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;

/**
 * The use case under the webhook endpoints, a request without HTTP: the CRM's decoder checks and
 * decodes it against the integration directory, and what it delivers is committed to the inbox,
 * before the caller answers, in a commit it may share with other requests arriving at the same
 * time (ADR 0053). Nothing enters the inbox that the decoder did not verify (ADR 0020, 0021).
 */
@Singleton
public final class WebhookIntake {

    private final Map<CrmProvider, IntegrationWebhookDirectory> directories = new EnumMap<>(CrmProvider.class);
    /** A CRM asked to come back later waits about this long; HubSpot and Salesforce back off further on their own. */
    static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(5);

    private final InboxGroupCommit groupCommit;
    private final Runnable nudge;
    private final Duration coalesceWindow;
    private final Clock clock;

    @Inject
    public WebhookIntake(
            WebhookRoutes routes,
            IntegrationStore integrations,
            InboxStore inbox,
            InboxWorkers workers,
            InboxSettings settings,
            IntakeSettings intake,
            Clock clock) {
        this(routes, integrations, inbox, workers::nudge, settings.coalesceWindow(), intake.maxQueuedRequests(), clock);
    }

    WebhookIntake(
            WebhookRoutes routes,
            IntegrationStore integrations,
            InboxStore inbox,
            Runnable nudge,
            Duration coalesceWindow,
            int maxQueuedRequests,
            Clock clock) {
        for (var profile : CrmProfiles.all()) {
            directories.put(
                    profile.provider(),
                    new IntegrationWebhookDirectory(
                            profile.provider(),
                            routes,
                            new WebhookSecrets(integrations, profile.webhooks()::signingSecret, clock)));
        }
        this.groupCommit = new InboxGroupCommit(inbox, maxQueuedRequests);
        this.nudge = nudge;
        this.coalesceWindow = coalesceWindow;
        this.clock = clock;
    }

    /** Checks, decodes and commits one request; the outcome says what the caller answers. */
    public WebhookOutcome receive(CrmProvider provider, WebhookRequest request) {
        var verdict = CrmProfiles.of(provider).webhooks().decode(request, directories.get(provider));
        return switch (verdict) {
            case WebhookVerdict.Deliver deliver -> commit(provider, deliver);
            case WebhookVerdict.Drop drop -> new WebhookOutcome.Dropped(drop.events(), drop.reason());
            case WebhookVerdict.Unauthorized unauthorized -> new WebhookOutcome.Unauthorized(unauthorized.reason());
            case WebhookVerdict.UnknownEndpoint unknown -> new WebhookOutcome.UnknownEndpoint();
            case WebhookVerdict.Malformed malformed -> new WebhookOutcome.Malformed(malformed.reason());
            case WebhookVerdict.TooManyNotifications tooMany ->
                new WebhookOutcome.TooManyNotifications(tooMany.count(), tooMany.limit());
        };
    }

    private WebhookOutcome commit(CrmProvider provider, WebhookVerdict.Deliver deliver) {
        var now = clock.instant();
        int events = 0;
        var inserts = new ArrayList<InboxGroupCommit.Insert>();
        for (var delivery : deliver.deliveries()) {
            var target = delivery.target();
            var inboxEvents = delivery.events().stream()
                    .map(e -> new InboxEvent(
                            provider,
                            e.dedupeKey(),
                            e.objectType(),
                            e.recordId(),
                            e.eventType(),
                            e.occurredAt(),
                            e.rawBody()))
                    .toList();
            events += inboxEvents.size();
            if (!inboxEvents.isEmpty()) {
                inserts.add(new InboxGroupCommit.Insert(
                        target.organizationId(), target.integrationId(), inboxEvents, now, now.plus(coalesceWindow)));
            }
        }
        if (inserts.isEmpty()) {
            return new WebhookOutcome.Accepted(events, 0);
        }
        return switch (groupCommit.commit(inserts)) {
            case InboxGroupCommit.Result.Stored stored -> {
                if (stored.inserted() > 0) {
                    nudge.run();
                }
                yield new WebhookOutcome.Accepted(events, stored.inserted());
            }
            case InboxGroupCommit.Result.Busy busy -> new WebhookOutcome.Busy(events, BUSY_RETRY_AFTER);
        };
    }
}
