package io.scoreline.sim.salesforce;

import io.scoreline.sim.data.DealStage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The per-stage probabilities behind the formula field {@code Opportunity.Expected_Revenue__c}, held
 * by one simulated org. Changing one is what an admin editing the formula does: every opportunity's
 * value changes when next read, while no record's {@code SystemModstamp} moves (as in Salesforce,
 * where a formula is computed on read). Starts from the stock stage probabilities.
 */
public final class StageProbabilities {

    private final Map<DealStage, Integer> percent = new EnumMap<>(DealStage.class);

    StageProbabilities() {
        reset();
    }

    /** @param percent 0 to 100 */
    public synchronized void set(DealStage stage, int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("a probability is 0 to 100 percent, was " + percent);
        }
        this.percent.put(stage, percent);
    }

    /** Back to the stock stage probabilities. */
    public synchronized void reset() {
        for (DealStage stage : DealStage.values()) {
            percent.put(stage, stage.probability());
        }
    }

    public synchronized int percent(DealStage stage) {
        return percent.get(stage);
    }

    /** Amount times the stage's probability, in the currency's two decimals. */
    BigDecimal expectedRevenue(BigDecimal amount, DealStage stage) {
        return amount == null
                ? null
                : amount.multiply(BigDecimal.valueOf(percent(stage)))
                        .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    /** The formula as describe reports it; it names the current table, so a change shows there too. */
    synchronized String formula() {
        String cases = percent.entrySet().stream()
                .map(entry -> "'" + entry.getKey().label() + "', " + entry.getValue() / 100.0)
                .collect(Collectors.joining(", "));
        return "Amount * CASE(StageName, " + cases + ", 0)";
    }
}
