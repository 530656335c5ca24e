package io.scoreline.sim.salesforce;

import static io.scoreline.sim.salesforce.SalesforceFieldType.BOOLEAN;
import static io.scoreline.sim.salesforce.SalesforceFieldType.CURRENCY;
import static io.scoreline.sim.salesforce.SalesforceFieldType.DATE;
import static io.scoreline.sim.salesforce.SalesforceFieldType.DATETIME;
import static io.scoreline.sim.salesforce.SalesforceFieldType.EMAIL;
import static io.scoreline.sim.salesforce.SalesforceFieldType.ID;
import static io.scoreline.sim.salesforce.SalesforceFieldType.INT;
import static io.scoreline.sim.salesforce.SalesforceFieldType.PERCENT;
import static io.scoreline.sim.salesforce.SalesforceFieldType.PICKLIST;
import static io.scoreline.sim.salesforce.SalesforceFieldType.STRING;
import static io.scoreline.sim.salesforce.SalesforceFieldType.TEXTAREA;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The objects the Salesforce simulator serves: User, Task, Event, Opportunity, UserRole and the custom Product_Demo__c. */
public final class SalesforceSchema {

    public static final SalesforceObject USER = new SalesforceObject(
            "User",
            "005",
            "Users",
            List.of(
                    SalesforceField.of("Id", ID),
                    SalesforceField.of("Username", STRING),
                    SalesforceField.of("Email", EMAIL),
                    SalesforceField.of("FirstName", STRING),
                    SalesforceField.of("LastName", STRING),
                    SalesforceField.of("Name", STRING),
                    SalesforceField.of("Alias", STRING),
                    SalesforceField.of("IsActive", BOOLEAN),
                    SalesforceField.of("UserType", PICKLIST),
                    SalesforceField.of("TimeZoneSidKey", PICKLIST),
                    SalesforceField.of("CreatedDate", DATETIME),
                    SalesforceField.of("LastModifiedDate", DATETIME),
                    SalesforceField.of("SystemModstamp", DATETIME),
                    SalesforceField.lookup("UserRoleId", "UserRole", "UserRole"),
                    SalesforceField.lookup("ManagerId", "User", "Manager")));

    /** The role hierarchy: Scoreline's {@code users sync --teams-from-crm} reads it as the team tree. */
    public static final SalesforceObject USER_ROLE = new SalesforceObject(
            "UserRole",
            "00E",
            "Roles",
            List.of(
                    SalesforceField.of("Id", ID),
                    SalesforceField.of("Name", STRING),
                    SalesforceField.of("DeveloperName", STRING),
                    SalesforceField.lookup("ParentRoleId", "UserRole", "ParentRole"),
                    SalesforceField.of("LastModifiedDate", DATETIME),
                    SalesforceField.of("SystemModstamp", DATETIME)));

    public static final SalesforceObject TASK = new SalesforceObject(
            "Task",
            "00T",
            "Tasks",
            withAudit(List.of(
                    SalesforceField.of("Id", ID),
                    SalesforceField.of("Subject", STRING),
                    SalesforceField.of("Type", PICKLIST),
                    SalesforceField.of("Status", PICKLIST),
                    SalesforceField.of("IsClosed", BOOLEAN),
                    SalesforceField.of("Priority", PICKLIST),
                    SalesforceField.of("TaskSubtype", PICKLIST),
                    SalesforceField.of("CallType", PICKLIST),
                    SalesforceField.of("CallDurationInSeconds", INT),
                    SalesforceField.of("CallDisposition", STRING),
                    SalesforceField.of("CallObject", STRING),
                    SalesforceField.of("ActivityDate", DATE),
                    SalesforceField.of("CompletedDateTime", DATETIME),
                    SalesforceField.of("Description", TEXTAREA),
                    SalesforceField.lookup("OwnerId", "User", "Owner"),
                    SalesforceField.of("IsArchived", BOOLEAN),
                    SalesforceField.of("Call_Outcome__c", PICKLIST))));

    public static final SalesforceObject EVENT = new SalesforceObject(
            "Event",
            "00U",
            "Events",
            withAudit(List.of(
                    SalesforceField.of("Id", ID),
                    SalesforceField.of("Subject", STRING),
                    SalesforceField.of("Type", PICKLIST),
                    SalesforceField.of("EventSubtype", PICKLIST),
                    SalesforceField.of("StartDateTime", DATETIME),
                    SalesforceField.of("EndDateTime", DATETIME),
                    SalesforceField.of("ActivityDateTime", DATETIME),
                    SalesforceField.of("ActivityDate", DATE),
                    SalesforceField.of("DurationInMinutes", INT),
                    SalesforceField.of("IsAllDayEvent", BOOLEAN),
                    SalesforceField.of("Location", STRING),
                    SalesforceField.of("Outcome__c", PICKLIST),
                    SalesforceField.lookup("OwnerId", "User", "Owner"),
                    SalesforceField.of("IsArchived", BOOLEAN))));

    public static final SalesforceObject OPPORTUNITY = new SalesforceObject(
            "Opportunity",
            "006",
            "Opportunities",
            withAudit(List.of(
                    SalesforceField.of("Id", ID),
                    SalesforceField.of("Name", STRING),
                    SalesforceField.of("StageName", PICKLIST),
                    SalesforceField.of("Amount", CURRENCY),
                    SalesforceField.of("CloseDate", DATE),
                    SalesforceField.of("IsClosed", BOOLEAN),
                    SalesforceField.of("IsWon", BOOLEAN),
                    SalesforceField.of("Probability", PERCENT),
                    SalesforceField.of("ForecastCategoryName", PICKLIST),
                    SalesforceField.of("LeadSource", PICKLIST),
                    SalesforceField.of("Type", PICKLIST),
                    SalesforceField.lookup("OwnerId", "User", "Owner"),
                    SalesforceField.of("Sourced_By__c", PICKLIST),
                    SalesforceField.formula("Expected_Revenue__c", CURRENCY))));

    /** The organization's custom object: a few product demos per rep per week. */
    public static final SalesforceObject PRODUCT_DEMO = new SalesforceObject(
            "Product_Demo__c",
            "a0D",
            "Product Demos",
            List.of(
                    SalesforceField.of("Id", ID),
                    SalesforceField.of("Name", STRING),
                    SalesforceField.lookup("OwnerId", "User", "Owner"),
                    SalesforceField.of("Demo_Date__c", DATE),
                    SalesforceField.of("Status__c", PICKLIST),
                    SalesforceField.of("IsDeleted", BOOLEAN),
                    SalesforceField.of("CreatedDate", DATETIME),
                    SalesforceField.lookup("CreatedById", "User", "CreatedBy"),
                    SalesforceField.of("LastModifiedDate", DATETIME),
                    SalesforceField.lookup("LastModifiedById", "User", "LastModifiedBy"),
                    SalesforceField.of("SystemModstamp", DATETIME)));

    public static final List<SalesforceObject> ALL = List.of(USER, TASK, EVENT, OPPORTUNITY, USER_ROLE, PRODUCT_DEMO);

    private SalesforceSchema() {}

    public static Optional<SalesforceObject> find(String name) {
        return ALL.stream()
                .filter(object -> object.name().equalsIgnoreCase(name))
                .findFirst();
    }

    /** A loop rather than a stream: every parent lookup of a query page starts here. */
    public static Optional<SalesforceObject> byKeyPrefix(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (SalesforceObject object : ALL) {
            if (id.startsWith(object.keyPrefix())) {
                return Optional.of(object);
            }
        }
        return Optional.empty();
    }

    private static List<SalesforceField> withAudit(List<SalesforceField> fields) {
        List<SalesforceField> all = new ArrayList<>(fields);
        all.add(SalesforceField.of("IsDeleted", BOOLEAN));
        all.add(SalesforceField.of("CreatedDate", DATETIME));
        all.add(SalesforceField.lookup("CreatedById", "User", "CreatedBy"));
        all.add(SalesforceField.of("LastModifiedDate", DATETIME));
        all.add(SalesforceField.lookup("LastModifiedById", "User", "LastModifiedBy"));
        all.add(SalesforceField.of("SystemModstamp", DATETIME));
        return all;
    }
}
