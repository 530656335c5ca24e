package io.scoreline.pipeline.facts;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What the active rules read that stored records were not read with, per object, and what reading
 * it again costs (ADR 0034). Empty when every stored record has every field the rules read.
 */
public record MissingFields(List<FieldGap> gaps) {

    public static final MissingFields NONE = new MissingFields(List.of());

    public MissingFields {
        gaps = List.copyOf(gaps);
    }

    public boolean isEmpty() {
        return gaps.isEmpty();
    }

    public long records() {
        return gaps.stream().mapToLong(FieldGap::records).sum();
    }

    public long apiCalls() {
        return gaps.stream().mapToLong(FieldGap::apiCalls).sum();
    }

    /** One line per object: {@code Task: 120 records lack CallDurationInSeconds (KPIs talk_time_minutes); ~1 API call}. */
    public List<String> lines() {
        return gaps.stream()
                .map(g -> g.objectType() + ": " + g.records() + " stored record"
                        + (g.records() == 1 ? " lacks " : "s lack ") + String.join(", ", g.fields()) + " (KPI"
                        + (g.kpis().size() == 1 ? " " : "s ")
                        + String.join(", ", g.kpis()) + "); re-reading costs about " + calls(g.apiCalls())
                        + bulkPrice(g.cost()))
                .toList();
    }

    private static String calls(long calls) {
        return calls + " API call" + (calls == 1 ? "" : "s");
    }

    /** Where the CRM has a bulk API, both prices and the way taken: {@code  in bulk (by id: about 60 API calls)}. */
    private static String bulkPrice(RereadCost cost) {
        if (cost.bulkCalls().isEmpty()) {
            return "";
        }
        return cost.inBulk()
                ? " in bulk (by id: about " + calls(cost.byIdCalls()) + ")"
                : " by id (in bulk: about " + calls(cost.bulkCalls().getAsLong()) + ")";
    }

    /** The lines as one sentence, for an error message. */
    public String summary() {
        return lines().stream().collect(Collectors.joining("; "));
    }
}
