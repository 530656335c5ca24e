package io.scoreline.sim.salesforce;

import io.scoreline.sim.data.Activity;
import io.scoreline.sim.data.SeedMixer;
import java.util.List;

/**
 * The org's custom {@code Opportunity.Sourced_By__c} picklist. Drawn from what never changes on a
 * deal (index, creation time, amount), so an edit keeps it and another seed gives other values.
 */
final class SourcedByPicklist {

    static final List<String> VALUES = List.of("Inbound", "Outbound", "Partner");

    private SourcedByPicklist() {}

    static String of(Activity.Deal deal) {
        long draw = Math.floorMod(
                SeedMixer.mix(
                        deal.meta().index(),
                        deal.meta().createdAt().toEpochMilli(),
                        deal.amount().unscaledValue().longValue()),
                10L);
        return draw < 5 ? "Inbound" : draw < 8 ? "Outbound" : "Partner";
    }
}
