package io.scoreline.pipeline.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.connectors.spi.CrmRecord;
import io.scoreline.mappings.CrmProvider;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Which HubSpot property changes are applied to the state we hold (ADR 0016): changes not older
 * than the held state, in the order they occurred, leaving its modification time as the CRM gave
 * it; older ones are already in the held state; records we do not hold, or hold as archived, are
 * read back.
 */
class PropertyChangeApplierTest {

    private static final Instant HELD_AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final Set<String> RULE_FIELDS =
            caseInsensitive("hs_call_disposition", "hubspot_owner_id", "hs_timestamp");

    private long nextId = 1;

    @Test
    void changesNotOlderThanTheHeldStateAreAppliedInTheOrderTheyOccurred() {
        var held = held(
                "7",
                false,
                Map.of(
                        "hs_call_disposition",
                        "old",
                        "hubspot_owner_id",
                        "11",
                        "hs_lastmodifieddate",
                        HELD_AT.toString()));
        // Delivered newest first: the earlier value must not win.
        var later = change("7", HELD_AT.plusSeconds(20), "hs_call_disposition", "connected");
        var earlier = change("7", HELD_AT.plusSeconds(10), "hs_call_disposition", "busy");
        var sameInstant = change("7", HELD_AT, "hubspot_owner_id", "12");

        var outcome = PropertyChangeApplier.apply(
                "calls", RULE_FIELDS, Map.of("7", held), List.of(later, earlier, sameInstant));

        assertThat(outcome.reread()).isEmpty();
        assertThat(outcome.verify()).containsExactly("7");
        assertThat(outcome.settled())
                .extracting(InboxEntry::id)
                .containsExactlyInAnyOrder(
                        later.entry().id(),
                        earlier.entry().id(),
                        sameInstant.entry().id());
        assertThat(outcome.records()).singleElement().satisfies(record -> {
            assertThat(record.recordId()).isEqualTo("7");
            assertThat(record.deleted()).isFalse();
            // The next read of the record must be able to replace what the events said.
            assertThat(record.modstamp()).isEqualTo(HELD_AT);
            assertThat(record.fields())
                    .containsEntry("hs_call_disposition", "connected")
                    .containsEntry("hubspot_owner_id", "12")
                    .containsEntry("hs_lastmodifieddate", HELD_AT.toString());
        });
    }

    @Test
    void aChangeOlderThanTheHeldStateIsAlreadyInIt() {
        var held = held("7", false, Map.of("hs_call_disposition", "connected", "hubspot_owner_id", "11"));
        var stale = change("7", HELD_AT.minusMillis(1), "hs_call_disposition", "busy");
        var fresh = change("7", HELD_AT.plusSeconds(5), "hubspot_owner_id", "12");

        var outcome = PropertyChangeApplier.apply("calls", RULE_FIELDS, Map.of("7", held), List.of(stale, fresh));

        assertThat(outcome.reread()).isEmpty();
        assertThat(outcome.settled())
                .extracting(InboxEntry::id)
                .containsExactlyInAnyOrder(stale.entry().id(), fresh.entry().id());
        assertThat(outcome.records())
                .singleElement()
                .satisfies(record -> assertThat(record.fields())
                        .containsEntry("hs_call_disposition", "connected")
                        .containsEntry("hubspot_owner_id", "12"));

        var onlyStale = PropertyChangeApplier.apply("calls", RULE_FIELDS, Map.of("7", held), List.of(stale));
        assertThat(onlyStale.records()).isEmpty();
        assertThat(onlyStale.settled()).containsExactly(stale.entry());
        assertThat(onlyStale.verify()).isEmpty();
    }

    @Test
    void recordsWeDoNotHoldOrHoldArchivedAreReadBack() {
        var archived = held("8", true, Map.of("hs_call_disposition", "connected"));
        var unknown = change("9", HELD_AT.plusSeconds(1), "hs_call_disposition", "busy");
        var ofArchived = change("8", HELD_AT.plusSeconds(1), "hs_call_disposition", "busy");

        var outcome =
                PropertyChangeApplier.apply("calls", RULE_FIELDS, Map.of("8", archived), List.of(unknown, ofArchived));

        assertThat(outcome.records()).isEmpty();
        assertThat(outcome.settled()).isEmpty();
        assertThat(outcome.reread()).hasSize(2);
        assertThat(outcome.verify()).isEmpty();
    }

    @Test
    void aPropertyNoRuleReadsIsSettledWithoutAWriteAndAClearedValueIsNull() {
        var fields = new HashMap<String, Object>(Map.of("hs_call_disposition", "connected"));
        var held = held("7", false, fields);
        var unread = change("7", HELD_AT.plusSeconds(1), "hs_call_title", "Renewal call");

        var onlyUnread = PropertyChangeApplier.apply("calls", RULE_FIELDS, Map.of("7", held), List.of(unread));
        assertThat(onlyUnread.records()).isEmpty();
        assertThat(onlyUnread.settled()).containsExactly(unread.entry());
        assertThat(onlyUnread.reread()).isEmpty();
        // It may still move a property HubSpot computes: the record is read back later.
        assertThat(onlyUnread.verify()).containsExactly("7");

        // HubSpot sends a cleared property as "", and a property is one field whatever its case.
        var cleared = PropertyChange.of(entry(
                        "7",
                        HELD_AT.plusSeconds(2),
                        "object.propertyChange",
                        "{\"propertyName\":\"HS_CALL_DISPOSITION\",\"propertyValue\":\"\"}"))
                .orElseThrow();
        var outcome = PropertyChangeApplier.apply("calls", RULE_FIELDS, Map.of("7", held), List.of(cleared));
        assertThat(outcome.records())
                .singleElement()
                .satisfies(record -> assertThat(record.fields())
                        .containsEntry("hs_call_disposition", null)
                        .doesNotContainKey("HS_CALL_DISPOSITION"));
    }

    @Test
    void onlyHubSpotPropertyChangesWithAValueCanBeApplied() {
        var at = HELD_AT.plusSeconds(1);
        assertThat(PropertyChange.of(entry(
                        "7",
                        at,
                        "object.propertyChange",
                        "{\"propertyName\":\"hs_call_disposition\",\"propertyValue\":\"x\"}")))
                .hasValueSatisfying(c -> {
                    assertThat(c.property()).isEqualTo("hs_call_disposition");
                    assertThat(c.value()).isEqualTo("x");
                });
        assertThat(PropertyChange.of(
                        entry("7", at, "object.creation", "{\"propertyName\":\"a\",\"propertyValue\":\"x\"}")))
                .isEmpty();
        assertThat(PropertyChange.of(entry("7", at, "deal.propertyChange", "{\"propertyName\":\"dealstage\"}")))
                .isEmpty();
        assertThat(PropertyChange.of(entry("7", at, "deal.propertyChange", "{\"propertyValue\":\"x\"}")))
                .isEmpty();
        assertThat(PropertyChange.of(entry("7", at, "deal.propertyChange", "not json")))
                .isEmpty();
    }

    private static CrmRecord held(String id, boolean deleted, Map<String, Object> fields) {
        return new CrmRecord("calls", id, HELD_AT, deleted, fields);
    }

    private PropertyChange change(String recordId, Instant at, String property, String value) {
        return PropertyChange.of(entry(
                        recordId,
                        at,
                        "object.propertyChange",
                        "{\"propertyName\":\"" + property + "\",\"propertyValue\":\"" + value + "\"}"))
                .orElseThrow();
    }

    private InboxEntry entry(String recordId, Instant occurredAt, String eventType, String body) {
        long id = nextId++;
        return new InboxEntry(
                id,
                1,
                1,
                CrmProvider.HUBSPOT,
                "k" + id,
                Optional.of("calls"),
                recordId,
                eventType,
                Optional.of(occurredAt),
                body,
                InboxStatus.PROCESSING,
                1,
                occurredAt,
                Optional.empty(),
                occurredAt,
                Optional.empty());
    }

    private static Set<String> caseInsensitive(String... names) {
        var set = new TreeSet<String>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return set;
    }
}
