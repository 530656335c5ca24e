package io.scoreline.sim.hubspot;

import static io.scoreline.sim.hubspot.HubSpotPropertyType.BOOL;
import static io.scoreline.sim.hubspot.HubSpotPropertyType.DATE;
import static io.scoreline.sim.hubspot.HubSpotPropertyType.DATETIME;
import static io.scoreline.sim.hubspot.HubSpotPropertyType.ENUMERATION;
import static io.scoreline.sim.hubspot.HubSpotPropertyType.NUMBER;
import static io.scoreline.sim.hubspot.HubSpotPropertyType.STRING;

import io.scoreline.sim.data.CallOutcome;
import io.scoreline.sim.data.DealStage;
import io.scoreline.sim.data.DemoStatus;
import io.scoreline.sim.data.MeetingOutcome;
import io.scoreline.sim.data.TodoStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Property definitions per object type, for the properties API and typed search comparisons. */
public final class HubSpotPropertyCatalog {

    /**
     * One property; {@code options} maps enumeration values to labels.
     *
     * @param hubspotDefined false for the portal's own (custom) properties
     */
    public record Property(
            String name, String label, HubSpotPropertyType type, Map<String, String> options, boolean hubspotDefined) {

        /** A built-in property. */
        public Property(String name, String label, HubSpotPropertyType type, Map<String, String> options) {
            this(name, label, type, options, true);
        }
    }

    private HubSpotPropertyCatalog() {}

    public static List<Property> of(HubSpotObjectType type) {
        List<Property> properties = new ArrayList<>(common());
        switch (type) {
            case CALLS -> {
                properties.add(p("hs_timestamp", "Activity date", DATETIME));
                properties.add(p("hs_call_title", "Call title", STRING));
                properties.add(p("hs_call_body", "Call notes", STRING));
                properties.add(e("hs_call_direction", "Call direction", List.of("INBOUND", "OUTBOUND")));
                properties.add(p("hs_call_duration", "Call duration", NUMBER));
                properties.add(e(
                        "hs_call_status",
                        "Call status",
                        List.of(
                                "BUSY",
                                "CALLING_CRM_USER",
                                "CANCELED",
                                "COMPLETED",
                                "CONNECTING",
                                "FAILED",
                                "IN_PROGRESS",
                                "MISSED",
                                "NO_ANSWER",
                                "QUEUED",
                                "RINGING")));
                Map<String, String> outcomes = new LinkedHashMap<>();
                Arrays.stream(CallOutcome.values()).forEach(o -> outcomes.put(o.hubSpotId(), o.label()));
                properties.add(new Property("hs_call_disposition", "Call outcome", ENUMERATION, outcomes));
                properties.add(
                        new Property(CallQuality.PROPERTY, "Call quality", ENUMERATION, CallQuality.options(), false));
            }
            case EMAILS -> {
                properties.add(p("hs_timestamp", "Activity date", DATETIME));
                properties.add(p("hs_email_subject", "Email subject", STRING));
                properties.add(e(
                        "hs_email_direction",
                        "Email direction",
                        List.of("EMAIL", "INCOMING_EMAIL", "FORWARDED_EMAIL")));
                properties.add(e(
                        "hs_email_status",
                        "Email send status",
                        List.of("BOUNCED", "FAILED", "SCHEDULED", "SENDING", "SENT")));
            }
            case MEETINGS -> {
                properties.add(p("hs_timestamp", "Activity date", DATETIME));
                properties.add(p("hs_meeting_title", "Meeting name", STRING));
                properties.add(p("hs_meeting_start_time", "Start time", DATETIME));
                properties.add(p("hs_meeting_end_time", "End time", DATETIME));
                properties.add(e(
                        "hs_meeting_outcome",
                        "Meeting outcome",
                        Arrays.stream(MeetingOutcome.values()).map(Enum::name).toList()));
                properties.add(p("hs_activity_type", "Call and meeting type", STRING));
            }
            case TASKS -> {
                properties.add(p("hs_timestamp", "Due date", DATETIME));
                properties.add(p("hs_task_subject", "Task title", STRING));
                properties.add(e(
                        "hs_task_status",
                        "Task status",
                        Arrays.stream(TodoStatus.values())
                                .map(TodoStatus::hubSpotValue)
                                .toList()));
                properties.add(e("hs_task_type", "Task type", List.of("TODO", "CALL", "EMAIL", "LINKED_IN")));
                properties.add(e("hs_task_priority", "Priority", List.of("LOW", "MEDIUM", "HIGH")));
            }
            case DEALS -> {
                properties.add(p("dealname", "Deal name", STRING));
                properties.add(p("amount", "Amount", NUMBER));
                properties.add(p("closedate", "Close date", DATETIME));
                properties.add(e("pipeline", "Pipeline", List.of("default")));
                Map<String, String> stages = new LinkedHashMap<>();
                Arrays.stream(DealStage.values()).forEach(stage -> stages.put(stage.hubSpotId(), stage.label()));
                properties.add(new Property("dealstage", "Deal stage", ENUMERATION, stages));
                properties.add(p("hs_is_closed", "Is closed", BOOL));
                properties.add(p("hs_is_closed_won", "Is closed won", BOOL));
                properties.add(p("createdate", "Create date", DATETIME));
            }
            case PRODUCT_DEMOS -> {
                properties.add(p("demo_name", "Demo name", STRING));
                properties.add(p("demo_date", "Demo date", DATE));
                Map<String, String> statuses = new LinkedHashMap<>();
                Arrays.stream(DemoStatus.values())
                        .forEach(status -> statuses.put(status.hubSpotValue(), status.label()));
                properties.add(new Property("demo_status", "Demo status", ENUMERATION, statuses));
            }
        }
        return properties;
    }

    public static Optional<Property> find(HubSpotObjectType type, String name) {
        return of(type).stream()
                .filter(property -> property.name().equals(name))
                .findFirst();
    }

    private static List<Property> common() {
        return List.of(
                p("hs_object_id", "Record ID", NUMBER),
                p("hs_createdate", "Create date", DATETIME),
                p("hs_lastmodifieddate", "Last modified date", DATETIME),
                p("hubspot_owner_id", "Owner", ENUMERATION));
    }

    private static Property p(String name, String label, HubSpotPropertyType type) {
        return new Property(name, label, type, Map.of());
    }

    private static Property e(String name, String label, List<String> values) {
        Map<String, String> options = new LinkedHashMap<>();
        values.forEach(value -> options.put(value, value));
        return new Property(name, label, ENUMERATION, options);
    }
}
