package io.scoreline.pipeline.integrations.catalogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.FieldDef;
import io.scoreline.mappings.FieldOption;
import io.scoreline.mappings.FieldType;
import io.scoreline.mappings.ObjectSchema;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogJsonTest {

    private static final Instant READ_AT = Instant.parse("2026-01-05T09:00:00Z");

    private static CatalogRead hubSpotRead() {
        var quality = new FieldDef(
                "call_quality",
                FieldType.STRING,
                "enumeration",
                true,
                false,
                List.of(new FieldOption("good", "Good"), new FieldOption("dropped", "Dropped")));
        var calls = ObjectSchema.of(
                "calls", null, null, List.of(quality, new FieldDef("hs_call_duration", FieldType.NUMBER)));
        var demos = ObjectSchema.of(
                        "product_demos",
                        "hubspot_owner_id",
                        "demo_date",
                        List.of(
                                new FieldDef("hubspot_owner_id", FieldType.STRING),
                                new FieldDef("demo_date", FieldType.DATE, "date", true, false, List.of()),
                                new FieldDef("amount_due", FieldType.NUMBER, "number", true, true, List.of())))
                .withIdentity(Optional.of("2-7001"), true);
        var catalog = FieldCatalog.empty(CrmProvider.HUBSPOT).withObject(calls).withObject(demos);
        return new CatalogRead(catalog, READ_AT, 8);
    }

    @Test
    void aCatalogReadsBackAsItWasWritten() {
        var read = hubSpotRead();

        var back = CatalogJson.read(CatalogJson.write(read), "catalog.json");

        assertThat(back).isEqualTo(read);
        var demos = back.catalog().object("product_demos").orElseThrow();
        assertThat(demos.apiName()).contains("2-7001");
        assertThat(demos.custom()).isTrue();
        assertThat(demos.dateField()).contains("demo_date");
        assertThat(demos.field("amount_due").orElseThrow().calculated()).isTrue();
        assertThat(back.catalog()
                        .object("calls")
                        .orElseThrow()
                        .field("call_quality")
                        .orElseThrow()
                        .options())
                .containsExactly(new FieldOption("good", "Good"), new FieldOption("dropped", "Dropped"));
    }

    @Test
    void equalCatalogsAreEqualTextWhateverTheOrderTheyWereBuiltIn() {
        var read = hubSpotRead();
        var reversed = FieldCatalog.empty(CrmProvider.HUBSPOT);
        for (var name : List.of("product_demos", "calls")) {
            reversed = reversed.withObject(read.catalog().object(name).orElseThrow());
        }

        assertThat(CatalogJson.write(new CatalogRead(reversed, READ_AT, 8))).isEqualTo(CatalogJson.write(read));
        assertThat(CatalogJson.write(read))
                .startsWith("{\"provider\":\"hubspot\",\"readAt\":\"2026-01-05T09:00:00Z\",\"apiCalls\":8,"
                        + "\"objects\":[{\"name\":\"calls\"");
    }

    @Test
    void textThatIsNoJsonIsRefusedNamingTheFileAndTheLine() {
        assertThatThrownBy(() -> CatalogJson.read("{\"provider\": \"salesforce\",\n oops}", "cat.json"))
                .isInstanceOf(ScorelineException.class)
                .hasMessageStartingWith("cat.json is not catalog JSON (line 2,")
                .hasMessageContaining("scoreline integration describe --integration ID --json")
                .extracting(e -> ((ScorelineException) e).kind())
                .isEqualTo(FailureKind.BAD_INPUT);
    }

    @Test
    void aFaultyValueIsRefusedNamingTheFileAndWhereItIs() {
        var good = CatalogJson.write(hubSpotRead());

        assertThatThrownBy(() -> CatalogJson.read(good.replace("\"type\":\"number\"", "\"type\":\"money\""), "c.json"))
                .hasMessage("c.json: objects[0].fields[1].type: unknown field type 'money'; expected one of string, "
                        + "number, boolean, date, datetime");
        assertThatThrownBy(() -> CatalogJson.read(good.replace("\"hubspot\"", "\"zoho\""), "c.json"))
                .hasMessageStartingWith("c.json: provider: unknown provider 'zoho'");
        assertThatThrownBy(() -> CatalogJson.read(good.replace("2026-01-05T09:00:00Z", "yesterday"), "c.json"))
                .hasMessageStartingWith("c.json: readAt: must be an ISO-8601 instant");
        assertThatThrownBy(() -> CatalogJson.read(good.replace("\"apiCalls\":8", "\"apiCalls\":-1"), "c.json"))
                .hasMessage("c.json: apiCalls: must be a whole number, zero or more");
        assertThatThrownBy(() -> CatalogJson.read("[1, 2]", "c.json"))
                .hasMessageStartingWith("c.json is not catalog JSON: expected an object");
        assertThatThrownBy(() ->
                        CatalogJson.read(good.replace("\"name\":\"product_demos\"", "\"name\":\"CALLS\""), "c.json"))
                .hasMessage("c.json: objects[1].name: object 'CALLS' is listed twice");
    }
}
