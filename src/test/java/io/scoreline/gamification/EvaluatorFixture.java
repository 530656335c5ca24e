package io.scoreline.gamification;

import io.scoreline.connectors.spi.CrmRecord;
import io.scoreline.gamification.badges.BadgeCatalogReader;
import io.scoreline.gamification.badges.BadgeEvaluator;
import io.scoreline.gamification.badges.BadgeStore;
import io.scoreline.gamification.notifications.NotificationStore;
import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.MappingCompiler;
import io.scoreline.mappings.RuleSet;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.facts.ChangeOrigin;
import io.scoreline.pipeline.facts.PageWriter;
import io.scoreline.pipeline.facts.RuleSetFactDeriver;
import io.scoreline.pipeline.kpi.measure.KpiMeasureCache;
import io.scoreline.pipeline.tenancy.NewOrganization;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import io.scoreline.sim.TestClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One organization on a real database, fed through the real page writer with the stock Salesforce
 * rules (so dates are bucketed into the organization's time zone by the product), evaluated by the
 * real drain with the badges of a test catalog, on a clock the test moves.
 */
public final class EvaluatorFixture {

    private static final RuleSet SALESFORCE_RULES = stockRules();

    public final TestClock clock = new TestClock(Instant.parse("2026-12-01T12:00:00Z"));
    public final Organization organization;
    public final TenantTransactions transactions;
    public final KpiChangeDrain drain;
    private final PageWriter writer;
    private final long integrationId;
    private final Map<String, Long> profiles = new HashMap<>();
    private final AtomicLong modstamps = new AtomicLong();
    private RuleSet rules = SALESFORCE_RULES;

    public EvaluatorFixture(
            DatabaseRuntime database, String slug, String timezone, String weekStart, String catalogYaml) {
        this(database, slug, timezone, weekStart, catalogYaml, EvaluatorSettings.defaults());
    }

    public EvaluatorFixture(
            DatabaseRuntime database,
            String slug,
            String timezone,
            String weekStart,
            String catalogYaml,
            EvaluatorSettings settings) {
        this(database, slug, timezone, weekStart, catalogYaml, settings, new KpiMeasureCache());
    }

    /** With the KPI catalog the badges may name (ADR 0042) given, not read from rule documents. */
    public EvaluatorFixture(
            DatabaseRuntime database,
            String slug,
            String timezone,
            String weekStart,
            String catalogYaml,
            EvaluatorSettings settings,
            KpiMeasureCache measures) {
        transactions = new TenantTransactions(database.dsl());
        var organizations = new OrganizationStore(transactions);
        organization = organizations.create(NewOrganization.of(slug, slug, timezone, weekStart));
        integrationId = transactions.inOrganization(
                organization.id(),
                tx -> tx.fetchSingle(
                                "insert into integrations (organization_id, provider, credentials) values (?, 'salesforce', 'x') returning id",
                                organization.id())
                        .get(0, Long.class));
        writer = new PageWriter(transactions);
        var catalog = BadgeCatalogReader.read(catalogYaml);
        if (!catalog.valid()) {
            throw new IllegalArgumentException("test catalog: " + catalog.problems());
        }
        var badges = new BadgeStore(transactions, catalog.badges());
        var evaluator =
                new BadgeEvaluator(badges, new NotificationStore(transactions, clock), settings, clock, measures);
        drain = newDrain(List.of(evaluator), settings);
    }

    public KpiChangeDrain newDrain(List<KpiChangeConsumer> consumers, EvaluatorSettings settings) {
        return new KpiChangeDrain(transactions, new OrganizationStore(transactions), consumers, settings, clock);
    }

    /** A rep and the CRM user (OwnerId = the part before '@') linked to it. */
    public long profile(String email) {
        long id = transactions.inOrganization(organization.id(), tx -> {
            long profile = tx.fetchSingle(
                            "insert into profiles (organization_id, email) values (?, ?) returning id",
                            organization.id(),
                            email)
                    .get(0, Long.class);
            tx.execute(
                    "insert into crm_identities (organization_id, integration_id, crm_user_id, email, profile_id) values (?, ?, ?, ?, ?)",
                    organization.id(),
                    integrationId,
                    owner(email),
                    email,
                    profile);
            return profile;
        });
        profiles.put(email, id);
        return id;
    }

    /** A logged call (calls_made 1) by {@code email} at {@code at}, as a live sync writes it. */
    public void call(String recordId, String email, String at) {
        write(ChangeOrigin.live(), task(recordId, email, at, false));
    }

    public void call(String recordId, String email, String at, ChangeOrigin origin) {
        write(origin, task(recordId, email, at, false));
    }

    /**
     * A logged call about the CRM record {@code whatId} (an account), as a live sync writes it; a
     * rule set marking calls {@code distinct: WhatId} counts the accounts (see {@link #useRules}).
     */
    public void callAbout(String recordId, String email, String at, String whatId) {
        var task = task(recordId, email, at, false);
        task.fields().put("WhatId", whatId);
        write(ChangeOrigin.live(), task);
    }

    /** Feeds later records through this rule document instead of the stock Salesforce rules. */
    public void useRules(String ruleDocument) {
        rules = compile(ruleDocument);
    }

    /** The call deleted in the CRM: its fact is retracted. */
    public void deleteCall(String recordId, String email, String at) {
        write(ChangeOrigin.live(), task(recordId, email, at, true));
    }

    /** {@code count} calls by {@code email} on {@code day} at noon UTC, ids {@code prefix-1…}. */
    public void calls(String prefix, String email, LocalDate day, int count) {
        calls(prefix, email, day, count, false);
    }

    /** Calls that reached someone: calls_made and call_connects. */
    public void connectedCalls(String prefix, String email, LocalDate day, int count) {
        calls(prefix, email, day, count, true);
    }

    private void calls(String prefix, String email, LocalDate day, int count, boolean connected) {
        var page = new java.util.ArrayList<CrmRecord>();
        for (int i = 1; i <= count; i++) {
            var task = task(prefix + "-" + i, email, day + "T12:00:00Z", false);
            if (connected) {
                task.fields().put("CallDisposition", "Connected");
            }
            page.add(task);
        }
        writer.write(organization.id(), integrationId, "Task", page, deriver(), ChangeOrigin.live(), (tx, r) -> {});
    }

    public DrainReport drain() {
        return drain.drainUntilEmpty();
    }

    /** "email badge period_key status[ reversed]" per award, sorted. */
    public List<String> awards() {
        return transactions.inOrganization(
                organization.id(), tx -> tx.fetch("""
                select p.email || ' ' || b.key || ' ' || a.period_key || ' ' || a.status
                       || case when a.reversed_at is not null then ' reversed' else '' end
                  from profile_badges a join profiles p on p.id = a.profile_id join badges b on b.id = a.badge_id
                 order by 1""").map(r -> r.get(0, String.class)));
    }

    public List<String> notifications() {
        return transactions.inOrganization(
                organization.id(),
                tx -> tx.fetch("select kind || ' ' || dedupe_key from notifications order by 1")
                        .map(r -> r.get(0, String.class)));
    }

    /** The award's evidence with JSON pointers flattened: "/window/from=2026-03-23", "/records/0/record_id=T1", … */
    public List<String> evidence(String badgeKey, String periodKey) {
        var text = transactions.inOrganization(
                organization.id(),
                tx -> tx.fetchSingle("""
                select a.evidence::text from profile_badges a join badges b on b.id = a.badge_id
                 where b.key = ? and a.period_key = ?""", badgeKey, periodKey).get(0, String.class));
        try {
            var flat = new java.util.ArrayList<String>();
            flatten("", new com.fasterxml.jackson.databind.ObjectMapper().readTree(text), flat);
            return flat;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flatten(String pointer, com.fasterxml.jackson.databind.JsonNode node, List<String> into) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(pointer + "/" + e.getKey(), e.getValue(), into));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(pointer + "/" + i, node.get(i), into);
            }
        } else {
            into.add(pointer + "=" + node.asText());
        }
    }

    /** The first column of every row, as text. */
    public List<String> column(String sql, Object... bindings) {
        return transactions.inOrganization(
                organization.id(), tx -> tx.fetch(sql, bindings).map(r -> String.valueOf(r.get(0))));
    }

    public long count(String sql, Object... bindings) {
        return transactions.inOrganization(
                organization.id(), tx -> tx.fetchSingle(sql, bindings).get(0, Long.class));
    }

    public long pending() {
        return transactions.inOrganization(
                organization.id(),
                tx -> tx.fetchSingle("select count(*) from kpi_changes where processed_at is null")
                        .get(0, Long.class));
    }

    /** Marks the whole outbox unprocessed again, as a replay after a crash would see it. */
    public void replayOutbox() {
        transactions.inOrganization(organization.id(), tx -> tx.execute("update kpi_changes set processed_at = null"));
    }

    private void write(ChangeOrigin origin, CrmRecord record) {
        writer.write(organization.id(), integrationId, "Task", List.of(record), deriver(), origin, (tx, r) -> {});
    }

    private RuleSetFactDeriver deriver() {
        return new RuleSetFactDeriver(rules, organization.timezone(), null, w -> {});
    }

    private CrmRecord task(String recordId, String email, String at, boolean deleted) {
        var fields = new HashMap<String, Object>();
        fields.put("Id", recordId);
        fields.put("TaskSubtype", "Call");
        fields.put("Status", "Completed");
        fields.put("CreatedDate", at);
        fields.put("OwnerId", owner(email));
        fields.put("CallDurationInSeconds", 0);
        return new CrmRecord(
                "Task",
                recordId,
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(modstamps.incrementAndGet()),
                deleted,
                fields);
    }

    private static String owner(String email) {
        return email.substring(0, email.indexOf('@'));
    }

    private static RuleSet stockRules() {
        try {
            return compile(Files.readString(Path.of("mappings/salesforce.yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RuleSet compile(String ruleDocument) {
        var result = MappingCompiler.compile(ruleDocument, FieldCatalog.stock(CrmProvider.SALESFORCE));
        if (!(result instanceof CompileResult.Compiled compiled)) {
            throw new IllegalArgumentException("test rules: " + result);
        }
        return compiled.ruleSet();
    }
}
