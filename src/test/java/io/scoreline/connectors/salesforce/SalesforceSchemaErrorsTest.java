package io.scoreline.connectors.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.failure.FailureKind;
import org.junit.jupiter.api.Test;

class SalesforceSchemaErrorsTest {

    @Test
    void aMissingColumnNamesItsFieldAndObject() {
        var mismatch = SalesforceSchemaErrors.missing(
                        "INVALID_FIELD",
                        "\nSELECT Id, WhoId FROM Task\n           ^\nERROR at Row:1:Column:12\nNo such column 'WhoId' on"
                                + " entity 'Task'. If you are attempting to use a custom field, be sure to append"
                                + " the '__c' after the custom field name.",
                        "salesforce query failed: INVALID_FIELD: …",
                        null)
                .orElseThrow();
        assertThat(mismatch.kind()).isEqualTo(FailureKind.SCHEMA);
        assertThat(mismatch.objectType()).contains("Task");
        assertThat(mismatch.field()).contains("WhoId");
    }

    @Test
    void aMissingObjectNamesTheObjectOnly() {
        var mismatch = SalesforceSchemaErrors.missing(
                        "INVALID_TYPE", "sObject type 'Product_Demo__c' is not supported.", "text", null)
                .orElseThrow();
        assertThat(mismatch.objectType()).contains("Product_Demo__c");
        assertThat(mismatch.field()).isEmpty();
    }

    @Test
    void aGoneRelationshipNamesIt() {
        var mismatch = SalesforceSchemaErrors.missing(
                        "INVALID_FIELD", "Didn't understand relationship 'Owner' in field path.", "text", null)
                .orElseThrow();
        assertThat(mismatch.field()).contains("Owner");
        assertThat(mismatch.objectType()).isEmpty();
    }

    @Test
    void aLiteralOfTheWrongTypeIsNotDrift() {
        assertThat(SalesforceSchemaErrors.missing(
                        "INVALID_FIELD",
                        "value of filter criterion for field 'SystemModstamp' must be of type dateTime",
                        "text",
                        null))
                .isEmpty();
        assertThat(SalesforceSchemaErrors.missing("MALFORMED_QUERY", "unexpected token: FORM", "text", null))
                .isEmpty();
    }
}
