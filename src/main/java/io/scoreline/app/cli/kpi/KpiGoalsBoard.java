package io.scoreline.app.cli.kpi;

import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.view.GoalProgressView;
import io.scoreline.app.view.KpiGoalLineView;
import io.scoreline.gamification.goals.Goals;
import io.scoreline.mappings.measures.MeasuredValue;
import java.math.BigDecimal;
import java.util.List;

/** How {@code kpi show --goals} prints its lines: a table, or one JSON line each. */
final class KpiGoalsBoard {

    private KpiGoalsBoard() {}

    static int print(Goals.Board board, CliOutput output) {
        var lines = board.lines();
        if (output.json()) {
            lines.forEach(line -> output.jsonLine(KpiGoalLineView.of(board, line)));
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
                                            UnitFigures.text(p.pace(), line.unit()),
                                            p.aheadBy() == null ? "-" : UnitFigures.text(p.aheadBy(), line.unit())))
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
