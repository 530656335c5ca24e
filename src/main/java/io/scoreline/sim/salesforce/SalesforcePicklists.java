package io.scoreline.sim.salesforce;

import io.scoreline.sim.data.DealStage;
import io.scoreline.sim.data.DemoStatus;
import io.scoreline.sim.data.MeetingOutcome;
import io.scoreline.sim.data.TodoStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The picklist values describe reports, so clients can validate rules against the org's values. */
final class SalesforcePicklists {

    private static final Map<String, List<String>> VALUES = Map.ofEntries(
            Map.entry("Task.Type", List.of("Call", "Email", "Meeting", "Other")),
            Map.entry(
                    "Task.Status",
                    Arrays.stream(TodoStatus.values()).map(TodoStatus::label).toList()),
            Map.entry("Task.Priority", List.of("High", "Normal", "Low")),
            Map.entry("Task.TaskSubtype", List.of("Task", "Email", "ListEmail", "Cadence", "Call", "LinkedIn")),
            Map.entry("Task.CallType", List.of("Internal", "Inbound", "Outbound")),
            Map.entry("Task.Call_Outcome__c", CallOutcomePicklist.VALUES),
            Map.entry("Opportunity.Sourced_By__c", SourcedByPicklist.VALUES),
            Map.entry("Event.Type", List.of("Call", "Email", "Meeting", "Other")),
            Map.entry("Event.EventSubtype", List.of("Event")),
            Map.entry(
                    "Event.Outcome__c",
                    Arrays.stream(MeetingOutcome.values())
                            .map(MeetingOutcome::label)
                            .toList()),
            Map.entry(
                    "Opportunity.StageName",
                    Arrays.stream(DealStage.values()).map(DealStage::label).toList()),
            Map.entry(
                    "Opportunity.ForecastCategoryName",
                    List.of("Omitted", "Pipeline", "Best Case", "Commit", "Closed")),
            Map.entry("Opportunity.LeadSource", List.of("Inbound", "Outbound", "Web", "Partner Referral")),
            Map.entry("Opportunity.Type", List.of("New Business", "Existing Business")),
            Map.entry("User.UserType", List.of("Standard")),
            Map.entry(
                    "Product_Demo__c.Status__c",
                    Arrays.stream(DemoStatus.values()).map(DemoStatus::label).toList()));

    private SalesforcePicklists() {}

    static List<String> of(SalesforceObject type, SalesforceField field) {
        return VALUES.getOrDefault(type.name() + "." + field.name(), List.of());
    }
}
