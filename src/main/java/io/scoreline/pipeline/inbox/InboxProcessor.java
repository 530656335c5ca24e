package io.scoreline.pipeline.inbox;

import io.scoreline.connectors.spi.CrmProfiles;
import io.scoreline.connectors.spi.CrmRecord;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.facts.ChangeOrigin;
import io.scoreline.pipeline.facts.FactDeriver;
import io.scoreline.pipeline.facts.PageWriter;
import io.scoreline.pipeline.facts.RuleSetFactDeriver;
import io.scoreline.pipeline.integrations.Integration;
import io.scoreline.pipeline.integrations.IntegrationStatus;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.rules.RuleSetStore;
import io.scoreline.pipeline.sync.ActiveRules;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns claimed inbox rows into pages: grouped per integration and object, HubSpot property
 * changes are applied to the records we hold (ADR 0016), and the other events about one record
 * coalesce into one read of its current state (so events out of order still end in the latest
 * state), written through the same page transaction as a sync, which also marks the rows done.
 * Ids the CRM no longer knows are retracted. A group that fails for bad input is split until its
 * bad events stand alone, and they are parked at once; the others are written (ADR 0021). Other
 * failures are retried with backoff, or parked at once, by kind ({@link InboxRetries}); other
 * groups go on.
 */
public final class InboxProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(InboxProcessor.class);

    private final IntegrationStore integrations;
    private final OrganizationStore organizations;
    private final RuleSetStore ruleSets;
    private final PageWriter writer;
    private final InboxStore inbox;
    private final OpenConnectors connectors;
    private final InboxSettings settings;
    private final Clock clock;
    private final DatabaseSlots slots;

    public InboxProcessor(
            IntegrationStore integrations,
            OrganizationStore organizations,
            RuleSetStore ruleSets,
            PageWriter writer,
            InboxStore inbox,
            OpenConnectors connectors,
            InboxSettings settings,
            Clock clock) {
        this.integrations = integrations;
        this.organizations = organizations;
        this.ruleSets = ruleSets;
        this.writer = writer;
        this.inbox = inbox;
        this.connectors = connectors;
        this.settings = settings;
        this.clock = clock;
        this.slots = new DatabaseSlots(settings.writers());
    }

    /** What one batch, or one group of it, did. */
    private record BatchResult(int written, int dropped, int failed) {}

    /**
     * Claims up to a batch of the organization's rows due by {@code dueBy} and processes them, in
     * one of this node's database slots; returns how many rows it claimed.
     */
    public int claimAndProcess(long organizationId, Instant dueBy) {
        return slots.holding(() -> {
            var batch = inbox.claim(organizationId, dueBy, settings.lease(), settings.batchSize());
            if (!batch.isEmpty()) {
                process(organizationId, batch);
            }
            return batch.size();
        });
    }

    /** Processes rows claimed together (one organization), in a slot; never throws for a failed group. */
    private BatchResult process(long organizationId, List<InboxEntry> claimed) {
        int written = 0;
        int dropped = 0;
        int failed = 0;
        var byIntegration = claimed.stream()
                .collect(Collectors.groupingBy(InboxEntry::integrationId, TreeMap::new, Collectors.toList()));
        for (var entry : byIntegration.entrySet()) {
            var integration = integrations.find(organizationId, entry.getKey());
            if (integration.isEmpty() || integration.get().status() != IntegrationStatus.ACTIVE) {
                // Paused or gone: its events are dropped, as the controllers drop new ones.
                connectors.close(entry.getKey());
                inbox.markDone(organizationId, ids(entry.getValue()), clock.instant());
                dropped += entry.getValue().size();
                continue;
            }
            ActiveRules rules;
            try {
                rules = ActiveRules.load(ruleSets, integration.get());
            } catch (ScorelineException e) {
                // The integration's configuration, not its events, is at fault (no rules yet, say):
                // retried whatever the kind, so events that came before `mapping set` are not lost.
                fail(organizationId, integration.get(), entry.getValue(), e, true);
                failed += entry.getValue().size();
                continue;
            }
            Map<String, List<InboxEntry>> byObject;
            try {
                byObject = byRuleObject(integration.get(), rules, entry.getValue());
            } catch (RuntimeException e) {
                // The account's object names could not be read: retried, like a failed read back.
                fail(organizationId, integration.get(), entry.getValue(), e);
                failed += entry.getValue().size();
                continue;
            }
            var organization = organizations.require(organizationId);
            var deriver = new RuleSetFactDeriver(
                    rules.ruleSet(),
                    organization.timezone(),
                    rules.ruleSetId(),
                    warning -> LOG.debug("integration {}: {}", integration.get().id(), warning.format()));
            for (var group : byObject.entrySet()) {
                var fields = rules.ruleSet().fieldsByObject().get(group.getKey());
                if (fields == null) {
                    // No rule reads this object: nothing to write.
                    inbox.markDone(organizationId, ids(group.getValue()), clock.instant());
                    dropped += group.getValue().size();
                    continue;
                }
                var outcome = writeGroup(integration.get(), group.getKey(), fields, group.getValue(), deriver);
                written += outcome.written();
                failed += outcome.failed();
            }
        }
        return new BatchResult(written, dropped, failed);
    }

    /**
     * The entries by the object rules name. An object the CRM's events name by an API id that no
     * rule names (a HubSpot custom object's {@code 2-…} type id) is named by the connector, which
     * knows the account's objects.
     */
    private Map<String, List<InboxEntry>> byRuleObject(
            Integration integration, ActiveRules rules, List<InboxEntry> entries) {
        var byObject = new TreeMap<String, List<InboxEntry>>();
        var names = new HashMap<String, String>();
        for (var entry : entries) {
            var type = entry.objectType().orElse("");
            var name = type.isEmpty() || rules.ruleSet().fieldsByObject().containsKey(type)
                    ? type
                    : names.computeIfAbsent(
                            type,
                            t -> slots.awayWhile(
                                    () -> connectors.with(integration, connector -> connector.objectName(t))));
            byObject.computeIfAbsent(name, n -> new ArrayList<>()).add(entry);
        }
        return byObject;
    }

    /**
     * Property changes that carry their values (HubSpot's) are applied to the records we hold
     * first (ADR 0016); what they
     * cannot settle is read back. Each step commits on its own, so a failed read retries only the
     * entries it was for.
     */
    private BatchResult writeGroup(
            Integration integration,
            String objectType,
            Set<String> fields,
            List<InboxEntry> entries,
            FactDeriver deriver) {
        var rest = entries;
        try {
            if (settings.applyValues() && CrmProfiles.of(integration.provider()).eventsCarryValues()) {
                rest = applyChanges(integration, objectType, fields, entries, deriver);
            }
        } catch (RuntimeException e) {
            if (kindOf(e) != FailureKind.BAD_INPUT) {
                fail(integration.organizationId(), integration, entries, e);
                return new BatchResult(0, 0, entries.size());
            }
            // Changes that cannot be applied are read back instead, where a bad event is isolated.
            rest = entries;
        }
        int written = entries.size() - rest.size();
        if (rest.isEmpty()) {
            return new BatchResult(written, 0, 0);
        }
        try {
            readAndWrite(integration, objectType, fields, rest, deriver);
            return new BatchResult(written + rest.size(), 0, 0);
        } catch (RuntimeException e) {
            if (kindOf(e) != FailureKind.BAD_INPUT) {
                fail(integration.organizationId(), integration, rest, e);
                return new BatchResult(written, 0, rest.size());
            }
            // One bad record id fails the read of all: the others are written without it (ADR 0021).
            var isolated = BadEventIsolation.isolate(
                    rest, e, part -> readAndWrite(integration, objectType, fields, part, deriver));
            isolated.failures().forEach(f -> fail(integration.organizationId(), integration, f.entries(), f.cause()));
            return new BatchResult(written + isolated.written(), 0, rest.size() - isolated.written());
        }
    }

    /** Writes what the property changes among {@code entries} settle; returns the entries left to read back. */
    private List<InboxEntry> applyChanges(
            Integration integration,
            String objectType,
            Set<String> fields,
            List<InboxEntry> entries,
            FactDeriver deriver) {
        var changes = new ArrayList<PropertyChange>();
        var rest = new ArrayList<InboxEntry>();
        for (var entry : entries) {
            PropertyChange.of(entry).ifPresentOrElse(changes::add, () -> rest.add(entry));
        }
        if (changes.isEmpty()) {
            return entries;
        }
        var outcome = new AtomicReference<PropertyChangeApplier.Outcome>();
        writer.amend(
                integration.organizationId(),
                integration.id(),
                objectType,
                changes.stream().map(PropertyChange::recordId).toList(),
                stored -> {
                    outcome.set(PropertyChangeApplier.apply(objectType, fields, stored, changes));
                    return outcome.get().records();
                },
                deriver,
                ChangeOrigin.live(),
                (tx, page) -> {
                    var now = clock.instant();
                    inbox.markDone(tx, ids(outcome.get().settled()), now);
                    inbox.scheduleVerifications(
                            tx,
                            integration.organizationId(),
                            integration.id(),
                            integration.provider(),
                            objectType,
                            outcome.get().verify(),
                            now,
                            settings.verifyAfter());
                });
        rest.addAll(outcome.get().reread());
        return rest;
    }

    /**
     * Reads the current state of the entries' records and writes it. Every Salesforce entry comes
     * here: an outbound message is unsigned, so its values are never written, only the state read
     * back by id (ADR 0020); several entries about one record share one read.
     */
    private void readAndWrite(
            Integration integration,
            String objectType,
            Set<String> fields,
            List<InboxEntry> entries,
            FactDeriver deriver) {
        var records = new ArrayList<CrmRecord>();
        var reread = new LinkedHashMap<String, Instant>();
        for (var entry : entries) {
            reread.merge(entry.recordId(), entry.receivedAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        var current = slots.awayWhile(
                () -> connectors.with(integration, connector -> connector.read(objectType, fields, reread.keySet())));
        var known = new HashSet<String>();
        for (var record : current) {
            known.add(record.recordId());
            records.add(record);
        }
        // The CRM no longer knows these ids (deleted, purged, or archived): their facts are retracted.
        // Stamped with when we heard of them, which is after whatever state we may hold.
        reread.forEach((id, heardAt) -> {
            if (!known.contains(id)) {
                records.add(new CrmRecord(objectType, id, heardAt, true, Map.of()));
            }
        });
        var done = ids(entries);
        writer.write(
                integration.organizationId(),
                integration.id(),
                objectType,
                records,
                deriver,
                ChangeOrigin.live(),
                (tx, page) -> inbox.markDone(tx, done, clock.instant()));
    }

    private void fail(long organizationId, Integration integration, List<InboxEntry> entries, RuntimeException e) {
        fail(organizationId, integration, entries, e, InboxRetries.retried(kindOf(e)));
    }

    private void fail(
            long organizationId,
            Integration integration,
            List<InboxEntry> entries,
            RuntimeException e,
            boolean retried) {
        var kind = kindOf(e);
        if (kind == FailureKind.AUTH) {
            connectors.close(integration.id());
        }
        int attempts = entries.stream().mapToInt(InboxEntry::attempts).max().orElse(0);
        LOG.warn(
                "{} inbox event(s) of integration {} failed (attempt {} of {}{}): {}",
                entries.size(),
                integration.id(),
                attempts,
                settings.maxAttempts(),
                retried ? "" : ", parked: " + kind.name() + " is not retried",
                e.getMessage());
        inbox.markFailed(
                organizationId, entries, kind.name() + ": " + e.getMessage(), clock.instant(), settings, retried);
    }

    private static FailureKind kindOf(RuntimeException e) {
        return e instanceof ScorelineException se ? se.kind() : FailureKind.BUG;
    }

    private static List<Long> ids(List<InboxEntry> entries) {
        return entries.stream()
                .map(InboxEntry::id)
                .sorted(Comparator.naturalOrder())
                .toList();
    }
}
