package io.scoreline.sim.salesforce;

import io.scoreline.sim.data.Activity;
import io.scoreline.sim.data.ActivityKind;
import io.scoreline.sim.data.RecordMeta;
import io.scoreline.sim.data.Rep;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/** Renders reps and activities as Salesforce User, Task, Event, Opportunity and Product_Demo__c rows. */
final class SalesforceRowMapper {

    static final long INTEGRATION_USER_NUMBER = 1_000_000;
    /** Room for the widest object's fields, so a row map never rehashes while a query page builds it. */
    private static final int FIELDS = SalesforceSchema.ALL.stream()
            .mapToInt(type -> type.fields().size())
            .max()
            .orElseThrow();

    private final ZoneId zone;
    private final Instant orgCreated;
    private final StageProbabilities probabilities;

    SalesforceRowMapper(ZoneId zone, Instant orgCreated, StageProbabilities probabilities) {
        this.zone = zone;
        this.orgCreated = orgCreated;
        this.probabilities = probabilities;
    }

    /**
     * The ids of the first reps, built once: every activity row names three users (owner, creator,
     * last modifier), and building ids was among the simulator's largest self-time frames in a JFR.
     */
    private static final String[] FIRST_USER_IDS =
            IntStream.range(0, 4_096).mapToObj(SalesforceRowMapper::buildUserId).toArray(String[]::new);

    static String userId(int repNumber) {
        return repNumber >= 0 && repNumber < FIRST_USER_IDS.length ? FIRST_USER_IDS[repNumber] : buildUserId(repNumber);
    }

    private static String buildUserId(int repNumber) {
        return SalesforceIds.of(SalesforceSchema.USER.keyPrefix(), repNumber + 1L);
    }

    static String integrationUserId() {
        return SalesforceIds.of(SalesforceSchema.USER.keyPrefix(), INTEGRATION_USER_NUMBER);
    }

    static String id(ActivityKind kind, long index) {
        return SalesforceIds.of(type(kind).keyPrefix(), idNumber(kind, index));
    }

    /** Task ids interleave the three task kinds: number = index * 8 + kind code. */
    static long idNumber(ActivityKind kind, long index) {
        return switch (kind) {
            case CALL -> index * 8 + 1;
            case EMAIL -> index * 8 + 2;
            case TODO -> index * 8 + 3;
            case MEETING, DEAL, DEMO -> index + 1;
        };
    }

    static SalesforceObject type(ActivityKind kind) {
        return switch (kind) {
            case CALL, EMAIL, TODO -> SalesforceSchema.TASK;
            case MEETING -> SalesforceSchema.EVENT;
            case DEAL -> SalesforceSchema.OPPORTUNITY;
            case DEMO -> SalesforceSchema.PRODUCT_DEMO;
        };
    }

    SalesforceRow user(Rep rep) {
        Map<String, Object> v = LinkedHashMap.newLinkedHashMap(FIELDS);
        v.put("Id", userId(rep.number()));
        v.put("Username", rep.email());
        v.put("Email", rep.email());
        v.put("FirstName", rep.firstName());
        v.put("LastName", rep.lastName());
        v.put("Name", rep.fullName());
        v.put(
                "Alias",
                (rep.firstName().charAt(0) + rep.lastName())
                        .substring(0, Math.min(8, rep.lastName().length() + 1))
                        .toLowerCase(Locale.ROOT));
        v.put("IsActive", rep.active());
        v.put("UserType", "Standard");
        v.put("TimeZoneSidKey", zone.getId());
        v.put("CreatedDate", rep.createdAt());
        Instant modified = rep.deactivatedAt() != null ? rep.deactivatedAt() : rep.createdAt();
        v.put("LastModifiedDate", modified);
        v.put("SystemModstamp", modified);
        return new SalesforceRow(SalesforceSchema.USER, (String) v.get("Id"), v);
    }

    SalesforceRow integrationUser(String email) {
        Map<String, Object> v = LinkedHashMap.newLinkedHashMap(FIELDS);
        v.put("Id", integrationUserId());
        v.put("Username", email);
        v.put("Email", email);
        v.put("FirstName", "Integration");
        v.put("LastName", "User");
        v.put("Name", "Integration User");
        v.put("Alias", "integ");
        v.put("IsActive", true);
        v.put("UserType", "Standard");
        v.put("TimeZoneSidKey", zone.getId());
        v.put("CreatedDate", orgCreated);
        v.put("LastModifiedDate", orgCreated);
        v.put("SystemModstamp", orgCreated);
        return new SalesforceRow(SalesforceSchema.USER, integrationUserId(), v);
    }

    SalesforceRow row(Activity activity) {
        return switch (activity) {
            case Activity.Call call -> task(call.meta(), call);
            case Activity.Email email -> task(email.meta(), email);
            case Activity.Todo todo -> task(todo.meta(), todo);
            case Activity.Meeting meeting -> event(meeting);
            case Activity.Deal deal -> opportunity(deal);
            case Activity.Demo demo -> productDemo(demo);
        };
    }

    private SalesforceRow task(RecordMeta meta, Activity activity) {
        Map<String, Object> v = LinkedHashMap.newLinkedHashMap(FIELDS);
        v.put("Id", id(meta.kind(), meta.index()));
        switch (activity) {
            case Activity.Call call -> {
                v.put("Subject", call.subject());
                v.put("Type", "Call");
                v.put("Status", "Completed");
                v.put("IsClosed", true);
                v.put("Priority", "Normal");
                v.put("TaskSubtype", "Call");
                v.put("CallType", call.outbound() ? "Outbound" : "Inbound");
                v.put("CallDurationInSeconds", call.durationSeconds());
                v.put("CallDisposition", call.outcome().label());
                v.put("CallObject", "CALL-" + meta.index());
                v.put("ActivityDate", meta.createdAt().atZone(zone).toLocalDate());
                v.put("CompletedDateTime", meta.createdAt());
            }
            case Activity.Email email -> {
                v.put("Subject", "Email: " + email.subject());
                v.put("Type", "Email");
                v.put("Status", "Completed");
                v.put("IsClosed", true);
                v.put("Priority", "Normal");
                v.put("TaskSubtype", "Email");
                v.put("CallType", null);
                v.put("CallDurationInSeconds", null);
                v.put("CallDisposition", null);
                v.put("CallObject", null);
                v.put("ActivityDate", meta.createdAt().atZone(zone).toLocalDate());
                v.put("CompletedDateTime", meta.createdAt());
            }
            case Activity.Todo todo -> {
                v.put("Subject", todo.subject());
                v.put("Type", "Other");
                v.put("Status", todo.status().label());
                v.put("IsClosed", todo.status().closed());
                v.put("Priority", todo.priority());
                v.put("TaskSubtype", "Task");
                v.put("CallType", null);
                v.put("CallDurationInSeconds", null);
                v.put("CallDisposition", null);
                v.put("CallObject", null);
                v.put("ActivityDate", todo.dueDate());
                v.put("CompletedDateTime", todo.status().closed() ? meta.modifiedAt() : null);
            }
            case Activity.Meeting m -> throw new IllegalArgumentException("meetings are Events");
            case Activity.Deal d -> throw new IllegalArgumentException("deals are Opportunities");
            case Activity.Demo d -> throw new IllegalArgumentException("demos are Product_Demo__c records");
        }
        v.put("Description", null);
        v.put("OwnerId", userId(meta.ownerRep()));
        v.put("IsArchived", false);
        v.put(
                "Call_Outcome__c",
                activity instanceof Activity.Call call ? CallOutcomePicklist.of(call.outcome()) : null);
        audit(v, meta);
        return new SalesforceRow(SalesforceSchema.TASK, (String) v.get("Id"), v);
    }

    private SalesforceRow event(Activity.Meeting meeting) {
        RecordMeta meta = meeting.meta();
        Map<String, Object> v = LinkedHashMap.newLinkedHashMap(FIELDS);
        v.put("Id", id(meta.kind(), meta.index()));
        v.put("Subject", meeting.subject());
        v.put("Type", "Meeting");
        v.put("EventSubtype", "Event");
        v.put("StartDateTime", meeting.start());
        v.put("EndDateTime", meeting.end());
        v.put("ActivityDateTime", meeting.start());
        v.put("ActivityDate", meeting.start().atZone(zone).toLocalDate());
        v.put("DurationInMinutes", meeting.durationMinutes());
        v.put("IsAllDayEvent", false);
        v.put("Location", "Video call");
        v.put("Outcome__c", meeting.outcome().label());
        v.put("OwnerId", userId(meta.ownerRep()));
        v.put("IsArchived", false);
        audit(v, meta);
        return new SalesforceRow(SalesforceSchema.EVENT, (String) v.get("Id"), v);
    }

    private SalesforceRow opportunity(Activity.Deal deal) {
        RecordMeta meta = deal.meta();
        Map<String, Object> v = LinkedHashMap.newLinkedHashMap(FIELDS);
        v.put("Id", id(meta.kind(), meta.index()));
        v.put("Name", deal.name());
        v.put("StageName", deal.stage().label());
        v.put("Amount", deal.amount());
        v.put("CloseDate", deal.closeDate());
        v.put("IsClosed", deal.stage().closed());
        v.put("IsWon", deal.stage().won());
        v.put("Probability", deal.stage().probability());
        v.put(
                "ForecastCategoryName",
                deal.stage().won() ? "Closed" : deal.stage().closed() ? "Omitted" : "Pipeline");
        v.put("LeadSource", meta.index() % 3 == 0 ? "Outbound" : "Inbound");
        v.put("Type", "New Business");
        v.put("OwnerId", userId(meta.ownerRep()));
        v.put("Sourced_By__c", SourcedByPicklist.of(deal));
        v.put("Expected_Revenue__c", probabilities.expectedRevenue(deal.amount(), deal.stage()));
        audit(v, meta);
        return new SalesforceRow(SalesforceSchema.OPPORTUNITY, (String) v.get("Id"), v);
    }

    private SalesforceRow productDemo(Activity.Demo demo) {
        RecordMeta meta = demo.meta();
        Map<String, Object> v = LinkedHashMap.newLinkedHashMap(FIELDS);
        v.put("Id", id(meta.kind(), meta.index()));
        v.put("Name", demo.name());
        v.put("OwnerId", userId(meta.ownerRep()));
        v.put("Demo_Date__c", demo.demoDate());
        v.put("Status__c", demo.status().label());
        audit(v, meta);
        return new SalesforceRow(SalesforceSchema.PRODUCT_DEMO, (String) v.get("Id"), v);
    }

    private static void audit(Map<String, Object> v, RecordMeta meta) {
        v.put("IsDeleted", meta.deleted());
        v.put("CreatedDate", meta.createdAt());
        v.put("CreatedById", userId(meta.creatorRep()));
        v.put("LastModifiedDate", meta.modifiedAt());
        v.put(
                "LastModifiedById",
                userId(meta.modifiedAt().equals(meta.createdAt()) ? meta.creatorRep() : meta.ownerRep()));
        v.put("SystemModstamp", meta.modifiedAt());
    }
}
