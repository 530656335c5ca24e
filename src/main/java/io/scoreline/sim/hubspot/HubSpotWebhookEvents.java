package io.scoreline.sim.hubspot;

import io.scoreline.sim.data.RecordChange;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns dataset changes into the events a HubSpot app would receive: {@code deal.*} for deals and the
 * generic {@code object.*} subscriptions (with {@code objectTypeId}) for engagements.
 */
public final class HubSpotWebhookEvents {

    private static final List<String> WATCHED = List.of(
            "dealstage",
            "amount",
            "closedate",
            "hubspot_owner_id",
            "hs_call_disposition",
            CallQuality.PROPERTY,
            "hs_call_duration",
            "hs_meeting_outcome",
            "hs_task_status");

    private final HubSpotCredentials credentials;
    private final HubSpotPropertyMapper mapper;
    private final HubSpotSchemaDrift drift;
    private final Clock clock;
    private final AtomicLong eventIds = new AtomicLong(1);

    public HubSpotWebhookEvents(HubSpotCredentials credentials, ZoneId zone, Clock clock) {
        this(credentials, zone, clock, new HubSpotSchemaDrift());
    }

    /** Events for a portal whose properties may have drifted: a deleted property sends no more changes. */
    public HubSpotWebhookEvents(HubSpotCredentials credentials, ZoneId zone, Clock clock, HubSpotSchemaDrift drift) {
        this.drift = drift;
        this.credentials = credentials;
        this.mapper = new HubSpotPropertyMapper(zone);
        this.clock = clock;
    }

    public List<HubSpotWebhookEvent> of(RecordChange change) {
        HubSpotObject after = drift.apply(mapper.object(change.after()));
        long at = clock.millis();
        String prefix = after.type() == HubSpotObjectType.DEALS ? "deal" : "object";
        String typeId =
                after.type() == HubSpotObjectType.DEALS ? null : after.type().typeId();
        List<HubSpotWebhookEvent> events = new ArrayList<>();
        switch (change) {
            case RecordChange.Created created ->
                events.add(event(prefix + ".creation", after, typeId, null, null, at, "CREATED"));
            case RecordChange.Deleted deleted ->
                events.add(event(prefix + ".deletion", after, typeId, null, null, at, null));
            case RecordChange.Updated updated -> {
                HubSpotObject before = drift.apply(mapper.object(updated.before()));
                for (String property : WATCHED) {
                    if (after.properties().containsKey(property)
                            && !Objects.equals(before.property(property), after.property(property))) {
                        events.add(event(
                                prefix + ".propertyChange",
                                after,
                                typeId,
                                property,
                                after.property(property),
                                at,
                                null));
                    }
                }
            }
        }
        return events;
    }

    private HubSpotWebhookEvent event(
            String subscriptionType,
            HubSpotObject object,
            String typeId,
            String property,
            String value,
            long at,
            String flag) {
        long subscriptionId = 200_000L + Math.floorMod((subscriptionType + typeId + property).hashCode(), 100_000);
        return new HubSpotWebhookEvent(
                eventIds.getAndIncrement(),
                subscriptionId,
                credentials.portalId(),
                credentials.appId(),
                at,
                subscriptionType,
                object.id(),
                typeId,
                property,
                value,
                "CRM_UI",
                flag);
    }
}
