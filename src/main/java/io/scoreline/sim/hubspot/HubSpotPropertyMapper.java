package io.scoreline.sim.hubspot;

import io.scoreline.sim.data.Activity;
import io.scoreline.sim.data.RecordMeta;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders activities as HubSpot objects with string-valued properties. */
final class HubSpotPropertyMapper {

    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final ZoneId zone;

    HubSpotPropertyMapper(ZoneId zone) {
        this.zone = zone;
    }

    static String iso(Instant instant) {
        return instant == null ? null : ISO.format(instant);
    }

    static String ownerId(int repNumber) {
        return Long.toString(HubSpotOwners.ownerId(repNumber));
    }

    HubSpotObject object(Activity activity) {
        RecordMeta meta = activity.meta();
        HubSpotObjectType type = HubSpotObjectType.of(meta.kind());
        long id = type.id(meta.index());
        Map<String, String> p = new LinkedHashMap<>();
        switch (activity) {
            case Activity.Call call -> {
                p.put("hs_timestamp", iso(meta.createdAt()));
                p.put("hs_call_title", call.subject());
                p.put("hs_call_body", null);
                p.put("hs_call_direction", call.outbound() ? "OUTBOUND" : "INBOUND");
                p.put("hs_call_duration", Long.toString(call.durationSeconds() * 1000L));
                p.put("hs_call_status", "COMPLETED");
                p.put("hs_call_disposition", call.outcome().hubSpotId());
                p.put(CallQuality.PROPERTY, CallQuality.of(call).value());
            }
            case Activity.Email email -> {
                p.put("hs_timestamp", iso(meta.createdAt()));
                p.put("hs_email_subject", email.subject());
                p.put("hs_email_direction", email.sent() ? "EMAIL" : "INCOMING_EMAIL");
                p.put("hs_email_status", "SENT");
            }
            case Activity.Meeting meeting -> {
                p.put("hs_timestamp", iso(meeting.start()));
                p.put("hs_meeting_title", meeting.subject());
                p.put("hs_meeting_start_time", iso(meeting.start()));
                p.put("hs_meeting_end_time", iso(meeting.end()));
                p.put("hs_meeting_outcome", meeting.outcome().name());
                p.put("hs_activity_type", "Discovery");
            }
            case Activity.Todo todo -> {
                p.put(
                        "hs_timestamp",
                        iso(todo.dueDate().atTime(17, 0).atZone(zone).toInstant()));
                p.put("hs_task_subject", todo.subject());
                p.put("hs_task_status", todo.status().hubSpotValue());
                p.put("hs_task_type", "TODO");
                p.put(
                        "hs_task_priority",
                        switch (todo.priority()) {
                            case "High" -> "HIGH";
                            case "Low" -> "LOW";
                            default -> "MEDIUM";
                        });
            }
            case Activity.Deal deal -> {
                p.put("dealname", deal.name());
                p.put("amount", deal.amount().toPlainString());
                p.put(
                        "closedate",
                        iso(deal.closeDate().atTime(12, 0).atZone(zone).toInstant()));
                p.put("pipeline", "default");
                p.put("dealstage", deal.stage().hubSpotId());
                p.put("hs_is_closed", Boolean.toString(deal.stage().closed()));
                p.put("hs_is_closed_won", Boolean.toString(deal.stage().won()));
                p.put("createdate", iso(meta.createdAt()));
            }
            case Activity.Demo demo -> {
                p.put("demo_name", demo.name());
                p.put("demo_date", demo.demoDate().toString());
                p.put("demo_status", demo.status().hubSpotValue());
            }
        }
        p.put("hubspot_owner_id", ownerId(meta.ownerRep()));
        if (!(activity instanceof Activity.Deal)) {
            p.put("hs_createdate", iso(meta.createdAt()));
        }
        p.put("hs_lastmodifieddate", iso(meta.modifiedAt()));
        p.put("hs_object_id", Long.toString(id));
        return new HubSpotObject(type, id, p, meta.createdAt(), meta.modifiedAt(), meta.deletedAt());
    }
}
