package io.scoreline.connectors.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.scoreline.mappings.FieldDef;
import io.scoreline.mappings.FieldOption;
import io.scoreline.mappings.FieldType;
import io.scoreline.mappings.ObjectSchema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Salesforce's {@code describeGlobal} and {@code sobjects/{name}/describe} answers into
 * catalog objects. Fields of types the rule language cannot compare ({@code address},
 * {@code base64}, {@code location}, …) are left out: no rule could use them.
 */
final class SalesforceDescribes {

    /** A custom object's owner when a rule names none: every owned Salesforce object has it. */
    static final String OWNER_FIELD = "OwnerId";
    /** A custom object's date when a rule names none: when the record was created, as for a stock Task. */
    static final String DATE_FIELD = "CreatedDate";

    private SalesforceDescribes() {}

    /**
     * The objects of a {@code describeGlobal} answer to describe: those in {@code wanted} the org
     * has (by its spelling) and every queryable custom object, in the answer's order.
     */
    static List<String> objectsToDescribe(JsonNode global, Set<String> wanted) {
        var lowerWanted = new LinkedHashSet<String>();
        wanted.forEach(name -> lowerWanted.add(name.toLowerCase(Locale.ROOT)));
        var names = new ArrayList<String>();
        for (var object : global.path("sobjects")) {
            var name = object.path("name").asText("");
            if (name.isEmpty()) {
                continue;
            }
            boolean customQueryable = object.path("custom").asBoolean(false)
                    && object.path("queryable").asBoolean(false);
            if (lowerWanted.contains(name.toLowerCase(Locale.ROOT)) || customQueryable) {
                names.add(name);
            }
        }
        return names;
    }

    /** One object's describe answer as a catalog object; a custom one gets owner and date defaults. */
    static ObjectSchema object(JsonNode describe) {
        var name = describe.path("name").asText();
        boolean custom = describe.path("custom").asBoolean(false);
        var fields = new ArrayList<FieldDef>();
        for (var field : describe.path("fields")) {
            field(field).ifPresent(fields::add);
        }
        String owner = null;
        String date = null;
        if (custom) {
            owner = has(fields, OWNER_FIELD) ? OWNER_FIELD : null;
            date = has(fields, DATE_FIELD) ? DATE_FIELD : null;
        }
        return ObjectSchema.of(name, owner, date, fields).withIdentity(Optional.empty(), custom);
    }

    private static Optional<FieldDef> field(JsonNode field) {
        var name = field.path("name").asText("");
        var crmType = field.path("type").asText("");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return FieldType.lookup(crmType).map(type -> {
            var options = new ArrayList<FieldOption>();
            for (var value : field.path("picklistValues")) {
                // Inactive values stay on old records but can no longer be chosen: not offered.
                if (value.path("active").asBoolean(true) && value.hasNonNull("value")) {
                    var text = value.path("value").asText();
                    options.add(new FieldOption(text, value.path("label").asText(text)));
                }
            }
            return new FieldDef(
                    name,
                    type,
                    crmType,
                    field.path("custom").asBoolean(false),
                    field.path("calculated").asBoolean(false),
                    options);
        });
    }

    private static boolean has(List<FieldDef> fields, String name) {
        return fields.stream().anyMatch(f -> f.name().equalsIgnoreCase(name));
    }
}
