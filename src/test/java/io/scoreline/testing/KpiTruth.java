package io.scoreline.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.CrmRecords;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.MappingCompiler;
import io.scoreline.mappings.RuleSet;
import io.scoreline.pipeline.database.TenantTransactions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * KPI values two ways, keyed "email kpi date": as stored in {@code kpi_values}, and as the rules
 * alone give them from a simulator's ground-truth dump (no connector, no database).
 */
public final class KpiTruth {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KpiTruth() {}

    public static Map<String, BigDecimal> stored(TenantTransactions transactions, long organizationId) {
        return transactions.inOrganization(organizationId, tx -> {
            var values = new TreeMap<String, BigDecimal>();
            tx.fetch(
                            "select p.email, v.kpi_key, v.period_date, v.value from kpi_values v join profiles p on p.id = v.profile_id")
                    .forEach(r -> values.put(
                            r.get(0, String.class) + " " + r.get(1, String.class) + " " + r.get(2, LocalDate.class),
                            r.get(3, BigDecimal.class).stripTrailingZeros()));
            values.values().removeIf(v -> v.signum() == 0);
            return values;
        });
    }

    public static RuleSet salesforceRules() {
        try {
            return ((CompileResult.Compiled) MappingCompiler.compile(
                            Files.readString(Path.of("mappings/salesforce.yaml")),
                            FieldCatalog.stock(CrmProvider.SALESFORCE)))
                    .ruleSet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RuleSet hubSpotRules() {
        try {
            return ((CompileResult.Compiled) MappingCompiler.compile(
                            Files.readString(Path.of("mappings/hubspot.yaml")),
                            FieldCatalog.stock(CrmProvider.HUBSPOT)))
                    .ruleSet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, BigDecimal> fromHubSpotDump(Path dump, RuleSet rules, ZoneId zone) {
        return fromDump(dump, CrmProvider.HUBSPOT, rules, zone);
    }

    public static Map<String, BigDecimal> fromSalesforceDump(Path dump, RuleSet rules, ZoneId zone) {
        return fromDump(dump, CrmProvider.SALESFORCE, rules, zone);
    }

    /**
     * The provider's objects of a dump ({@code salesforce/<Object>.jsonl}, {@code hubspot/<object>.jsonl})
     * through the rules by the evaluator alone, credited by the owner's e-mail; deleted or archived
     * records and inactive owners count for nothing, as in the pipeline.
     */
    public static Map<String, BigDecimal> fromDump(Path dump, CrmProvider provider, RuleSet rules, ZoneId zone) {
        var layout = DumpLayout.of(provider);
        var emails = new HashMap<String, String>();
        lines(dump.resolve(layout.folder() + "/" + layout.usersFile()), user -> {
            if (layout.activeUser().test(user) && user.get(layout.emailField()) != null) {
                emails.put((String) user.get(layout.idField()), ((String) user.get(layout.emailField())).toLowerCase());
            }
        });
        var expected = new TreeMap<String, BigDecimal>();
        for (var object : rules.fieldsByObject().keySet()) {
            lines(dump.resolve(layout.folder() + "/" + object + ".jsonl"), row -> {
                if (Boolean.TRUE.equals(row.get(layout.deletedField()))) {
                    return;
                }
                var record = CrmRecords.fromApiObject(
                        provider, row, layout.namesObjectType() ? Optional.of(object) : Optional.empty());
                for (var fact : rules.evaluate(record, zone, warning -> {})) {
                    var email = emails.get(fact.owner());
                    if (email != null) {
                        expected.merge(
                                email + " " + fact.kpi() + " " + fact.date(),
                                fact.value().setScale(6, RoundingMode.HALF_EVEN),
                                BigDecimal::add);
                    }
                }
            });
        }
        expected.replaceAll((k, v) -> v.stripTrailingZeros());
        expected.values().removeIf(v -> v.signum() == 0);
        return expected;
    }

    /** Where a provider's dump keeps its users and how its rows say "deleted" and "active". */
    private record DumpLayout(
            String folder,
            String usersFile,
            String idField,
            String emailField,
            Predicate<Map<String, Object>> activeUser,
            String deletedField,
            boolean namesObjectType) {

        static DumpLayout of(CrmProvider provider) {
            return switch (provider) {
                case SALESFORCE ->
                    new DumpLayout(
                            "salesforce",
                            "User.jsonl",
                            "Id",
                            "Email",
                            u -> Boolean.TRUE.equals(u.get("IsActive")),
                            "IsDeleted",
                            false);
                // HubSpot rows do not carry their object type; the file name does.
                case HUBSPOT ->
                    new DumpLayout(
                            "hubspot",
                            "owners.jsonl",
                            "id",
                            "email",
                            o -> !Boolean.TRUE.equals(o.get("archived")),
                            "archived",
                            true);
            };
        }
    }

    @SuppressWarnings("unchecked")
    private static void lines(Path file, java.util.function.Consumer<Map<String, Object>> row) {
        try (var lines = Files.lines(file)) {
            lines.forEach(line -> {
                try {
                    row.accept(JSON.readValue(line, Map.class));
                } catch (IOException e) {
                    throw new UncheckedIOException("bad dump line: " + line, e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
