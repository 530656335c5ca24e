package io.scoreline.connectors.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.mappings.FieldOption;
import io.scoreline.mappings.FieldType;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Salesforce describe answers, shaped as the reference documents them, read into catalog objects. */
class SalesforceDescribesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theObjectsDescribedAreTheWantedOnesTheOrgHasAndEveryQueryableCustomObject() throws Exception {
        var global = JSON.readTree("""
                {"sobjects": [
                  {"name": "Task", "custom": false, "queryable": true},
                  {"name": "Account", "custom": false, "queryable": true},
                  {"name": "Product_Demo__c", "custom": true, "queryable": true},
                  {"name": "Hidden_Setting__c", "custom": true, "queryable": false}
                ]}""");

        assertThat(SalesforceDescribes.objectsToDescribe(global, Set.of("task", "Opportunity")))
                .containsExactly("Task", "Product_Demo__c");
    }

    @Test
    void fieldsCarryTypeFlagsAndActiveValuesAndUncomparableTypesAreLeftOut() throws Exception {
        var describe = JSON.readTree("""
                {"name": "Product_Demo__c", "custom": true, "fields": [
                  {"name": "OwnerId", "type": "reference", "custom": false},
                  {"name": "CreatedDate", "type": "datetime", "custom": false},
                  {"name": "Demo_Date__c", "type": "date", "custom": true},
                  {"name": "Status__c", "type": "picklist", "custom": true, "picklistValues": [
                    {"value": "Scheduled", "label": "Scheduled", "active": true},
                    {"value": "No_Show", "label": "No Show", "active": true},
                    {"value": "Old", "label": "Old", "active": false}]},
                  {"name": "Score__c", "type": "double", "custom": true, "calculated": true},
                  {"name": "Address__c", "type": "address", "custom": true}
                ]}""");

        var schema = SalesforceDescribes.object(describe);

        assertThat(schema.custom()).isTrue();
        assertThat(schema.ownerField()).contains("OwnerId");
        assertThat(schema.dateField()).contains("CreatedDate");
        assertThat(schema.field("Address__c")).isEmpty();
        var status = schema.field("status__c").orElseThrow();
        assertThat(status.crmType()).isEqualTo("picklist");
        assertThat(status.type()).isEqualTo(FieldType.STRING);
        assertThat(status.custom()).isTrue();
        assertThat(status.options())
                .containsExactly(new FieldOption("Scheduled", "Scheduled"), new FieldOption("No_Show", "No Show"));
        assertThat(schema.field("Score__c").orElseThrow().calculated()).isTrue();
        assertThat(schema.field("Demo_Date__c").orElseThrow().type()).isEqualTo(FieldType.DATE);
    }

    @Test
    void aStockObjectGetsNoDefaultsFromItsDescribe() throws Exception {
        var schema = SalesforceDescribes.object(JSON.readTree("""
                {"name": "Event", "custom": false, "fields": [{"name": "OwnerId", "type": "reference"}]}"""));

        assertThat(schema.custom()).isFalse();
        assertThat(schema.ownerField()).as("the stock catalog's defaults stay").isEmpty();
    }
}
