package io.scoreline.app.cli.kpi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.view.GoalProgressView;
import io.scoreline.gamification.goals.Goals;
import io.scoreline.mappings.measures.MeasuredValue;
import java.math.BigDecimal;
import java.util.List;

/** How {@code kpi show --goals} prints its lines: a table, or one JSON line each. */
final class KpiGoalsBoard {

    private KpiGoalsBoard() {}

    /**
     * One {@code --json} line: the person, KPI and value, and (when they have a goal) the same
     * fields as {@code goal progress --json} under {@code goal}.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record GoalLine(
            String profile,
            String kpi,
            String period,
            BigDecimal value,
            @JsonProperty("undefined_reason") String undefinedReason,
            GoalProgressView goal) {}

    static int print(Goals.Board board, CliOutput output) {
        var lines = board.lines();
        if (output.json()) {
            lines.forEach(line -> output.jsonLine(new GoalLine(
                    line.email(),
                    line.kpi(),
                    board.period().key(),
                    line.value() instanceof MeasuredValue.Defined d ? plain(d.value()) : null,
                    line.value() instanceof MeasuredValue.Undefined u ? u.reason() : null,
                    line.progress().map(GoalProgressView::of).orElse(null))));
            return 0;
        }
        if (lines.isEmpty()) {
            output.line("No KPI values or goals for " + board.organization().slug() + " in "
                    + board.period().key());
            return 0;
        }
        output.table(
                List.of("PROFILE", "KPI", "VALUE", "TARGET", "PERCENT", "PACE", "AHEAD BY"),
                lines.stream()
                        .map(line -> {
                            var value = line.value() instanceof MeasuredValue.Defined d
                                    ? plain(d.value()).toPlainString()
                                    : "undefined";
                            return line.progress()
                                    .map(GoalProgressView::of)
                                    .map(p -> List.of(
                                            line.email(),
                                            line.kpi(),
                                            value,
                                            p.target().toPlainString(),
                                            p.percent() == null
                                                    ? "undefined"
                                                    : p.percent().toPlainString() + "%",
                                            p.pace().toPlainString(),
                                            p.aheadBy() == null
                                                    ? "-"
                                                    : p.aheadBy().toPlainString()))
                                    .orElse(List.of(line.email(), line.kpi(), value, "-", "-", "-", "-"));
                        })
                        .toList());
        return 0;
    }

    private static BigDecimal plain(BigDecimal value) {
        var stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
