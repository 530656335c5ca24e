package io.scoreline.pipeline.inbox;

import io.scoreline.connectors.spi.CrmRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Applies HubSpot property changes to the record states we hold (ADR 0016). The state we hold
 * was read at its modification time and reflects every change up to then, so a change older than
 * it is already in it (or overtaken) and is settled as it is; later ones are applied in the order
 * they occurred. The modification time stays the one the CRM gave, so that the next read of the
 * record (its verification, or a sync) replaces what the events said. A record we do not hold, or
 * hold as archived, is read back instead, because its events alone cannot say what it looks like.
 */
final class PropertyChangeApplier {

    private static final Comparator<PropertyChange> IN_ORDER = Comparator.comparing(PropertyChange::occurredAt)
            .thenComparingLong(c -> c.entry().id());

    private PropertyChangeApplier() {}

    /**
     * What the changes come to.
     *
     * @param records the new states to write
     * @param settled entries that the new states carry, that the held state already reflects, or
     *                that change nothing the rules read
     * @param reread  entries whose records must be read back now
     * @param verify  records with changes newer than the held state, to be read back later: a
     *                change the rules do not read may still move one they do (HubSpot computes
     *                {@code hs_is_closed_won} from {@code dealstage} and sends no event for it)
     */
    record Outcome(List<CrmRecord> records, List<InboxEntry> settled, List<InboxEntry> reread, List<String> verify) {}

    /**
     * @param ruleFields the fields the rules read on this object (other properties change no fact)
     * @param stored     the states we hold, by record id, locked by the caller
     */
    static Outcome apply(
            String objectType, Set<String> ruleFields, Map<String, CrmRecord> stored, List<PropertyChange> changes) {
        var records = new ArrayList<CrmRecord>();
        var settled = new ArrayList<InboxEntry>();
        var reread = new ArrayList<InboxEntry>();
        var verify = new ArrayList<String>();
        var byRecord = changes.stream()
                .collect(Collectors.groupingBy(PropertyChange::recordId, TreeMap::new, Collectors.toList()));
        for (var entry : byRecord.entrySet()) {
            var state = stored.get(entry.getKey());
            var recordChanges = entry.getValue().stream().sorted(IN_ORDER).toList();
            var entries = recordChanges.stream().map(PropertyChange::entry).toList();
            if (state == null || state.deleted()) {
                reread.addAll(entries);
                continue;
            }
            settled.addAll(entries);
            var newer = recordChanges.stream()
                    .filter(c -> !c.occurredAt().isBefore(state.modstamp()))
                    .toList();
            if (!newer.isEmpty()) {
                verify.add(entry.getKey());
            }
            var relevant = newer.stream()
                    .filter(c -> ruleFields.contains(c.property()))
                    .toList();
            if (relevant.isEmpty()) {
                continue;
            }
            var fields = new LinkedHashMap<>(state.fields());
            relevant.forEach(c -> fields.put(keyFor(fields, c.property()), c.value()));
            records.add(new CrmRecord(objectType, entry.getKey(), state.modstamp(), false, fields));
        }
        return new Outcome(records, settled, reread, verify);
    }

    /** The field's key as the held state spells it: rules name fields case-insensitively, so one property is one key. */
    private static String keyFor(Map<String, Object> fields, String property) {
        if (fields.containsKey(property)) {
            return property;
        }
        return fields.keySet().stream()
                .filter(property::equalsIgnoreCase)
                .findFirst()
                .orElse(property);
    }
}
