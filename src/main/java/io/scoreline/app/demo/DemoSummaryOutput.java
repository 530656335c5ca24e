package io.scoreline.app.demo;

import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.view.GoalProgressView;
import io.scoreline.gamification.contests.Leaderboard;
import io.scoreline.gamification.contests.LeaderboardEntry;
import io.scoreline.pipeline.kpi.KpiTotal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Prints the summary: a table of headline KPIs per rep on a terminal, one JSON object with everything under {@code --json}. */
final class DemoSummaryOutput {

    /* The columns of the text table; every KPI is in the JSON and in {@code kpi show}. */
    /** Leaderboard rows on a terminal; {@code leaderboard --contest ID} shows them all. */
    static final int LEADERBOARD_ROWS = 10;

    /** Scorecard rows on a terminal: the podium. */
    static final int SCORECARD_ROWS = 3;

    /** Badge rows on a terminal: the most common ones. */
    static final int BADGE_ROWS = 8;

    static final List<String> HEADLINE_KPIS = List.of(
            "calls_made",
            "call_connects",
            DemoTenant.CUSTOM_FIELD_KPI,
            "talk_time_minutes",
            "meetings_held",
            "deals_won",
            "revenue_won");

    private final CliOutput output;

    DemoSummaryOutput(CliOutput output) {
        this.output = output;
    }

    void print(DemoSummary summary, boolean live) {
        if (output.json()) {
            output.jsonLine(json(summary));
            return;
        }
        output.line("");
        output.line("KPI totals " + summary.from() + " .. " + summary.to() + " (all KPIs: scoreline kpi show --org "
                + summary.organization() + " --from " + summary.from() + " --to " + summary.to() + ")");
        var header = new ArrayList<>(List.of("REP", "TEAM"));
        HEADLINE_KPIS.forEach(k -> header.add(k.toUpperCase(java.util.Locale.ROOT)));
        header.add("BADGES");
        output.table(header, rows(summary));
        output.line("");
        printBadges(summary);
        output.line("");
        printLeaderboard(output, summary.contest(), LEADERBOARD_ROWS);
        output.line("");
        printLeaderboard(output, summary.scorecard(), SCORECARD_ROWS);
        output.line("");
        printGoal(summary);
        output.line("");
        output.line((live ? "Endpoints: " : "Endpoints (while `scoreline serve` runs): ")
                + String.join(
                        ", ",
                        summary.endpoints().entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue())
                                .toList()));
    }

    /** How many of each badge the floor holds, most common first. */
    private void printBadges(DemoSummary summary) {
        var byBadge = new TreeMap<String, Integer>();
        summary.badges()
                .values()
                .forEach(held -> held.forEach((badge, count) -> byBadge.merge(badge, count, Integer::sum)));
        int total = byBadge.values().stream().mapToInt(Integer::intValue).sum();
        output.line("Badges awarded: " + total + " (" + byBadge.size()
                + " different; each rep's: scoreline badges --org " + summary.organization() + " --profile EMAIL)");
        output.table(
                List.of("BADGE", "AWARDS"),
                byBadge.entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue()
                                .reversed()
                                .thenComparing(Map.Entry.comparingByKey()))
                        .limit(BADGE_ROWS)
                        .map(e -> List.of(e.getKey(), Integer.toString(e.getValue())))
                        .toList());
    }

    /** The goal and one rep's percent of it and pace this month. */
    private void printGoal(DemoSummary summary) {
        var goal = summary.goal();
        output.line("Goal: " + goal.kpi() + " " + goal.target().toPlainString() + " per " + DemoGoal.PERIOD.key()
                + " for every rep (scoreline goal list --org " + summary.organization() + ")");
        output.line("  " + goal.name() + " in " + goal.period() + ": "
                + (goal.value() == null
                        ? "undefined (" + goal.undefinedReason() + ")"
                        : display(goal.value()) + " (" + goal.percent().toPlainString() + "% of the goal), pace "
                                + display(goal.pace()) + " after " + goal.workingDaysElapsed() + " of "
                                + goal.workingDays() + " working days: "
                                + goal.status().replace('_', ' ')
                                + (goal.aheadBy().signum() == 0
                                        ? ""
                                        : " by " + display(goal.aheadBy().abs())))
                + " (scoreline goal progress --org " + summary.organization() + " --kpi " + goal.kpi()
                + " --period " + DemoGoal.PERIOD.key() + " --person " + goal.name() + ")");
    }

    /** The contest's title line and its best rows; the live view prints it too. */
    static void printLeaderboard(CliOutput output, Leaderboard board, int rows) {
        var contest = board.contest();
        output.line("Contest #" + contest.id() + " '" + contest.name() + "' (" + contest.kpiKey() + ", "
                + contest.startsOn() + " .. " + contest.endsOn() + ", "
                + contest.status().key() + "; full board: scoreline leaderboard --contest " + contest.id() + ")");
        output.table(
                List.of("RANK", "PARTICIPANT", "SCORE"),
                board.entries().stream()
                        .limit(rows)
                        .map(e -> List.of(
                                Integer.toString(e.rank()),
                                e.participant(),
                                e.value().map(DemoSummaryOutput::display).orElse("—")))
                        .toList());
    }

    /** Whole numbers as they are, others to one decimal (talk time); the JSON keeps every digit. */
    static String display(BigDecimal value) {
        var plain = value.stripTrailingZeros();
        return plain.scale() <= 0
                ? plain.toPlainString()
                : value.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static List<List<String>> rows(DemoSummary summary) {
        var byRep = new TreeMap<String, Map<String, BigDecimal>>();
        for (KpiTotal total : summary.totals()) {
            byRep.computeIfAbsent(total.profileEmail(), e -> new LinkedHashMap<>())
                    .put(total.kpiKey(), total.value());
        }
        var rows = new ArrayList<List<String>>();
        byRep.forEach((email, values) -> {
            var row = new ArrayList<>(List.of(email, summary.teams().getOrDefault(email, "-")));
            HEADLINE_KPIS.forEach(k -> row.add(display(values.getOrDefault(k, BigDecimal.ZERO))));
            row.add(Integer.toString(summary.badges().getOrDefault(email, Map.of()).values().stream()
                    .mapToInt(Integer::intValue)
                    .sum()));
            rows.add(row);
        });
        return rows;
    }

    private static Map<String, Object> json(DemoSummary summary) {
        var json = new LinkedHashMap<String, Object>();
        json.put("organization", summary.organization());
        json.put("replaced_earlier", summary.replacedEarlier());
        json.put("from", summary.from().toString());
        json.put("to", summary.to().toString());
        json.put(
                "totals",
                summary.totals().stream()
                        .map(t -> {
                            var line = new LinkedHashMap<String, Object>();
                            line.put("profile", t.profileEmail());
                            line.put("team", summary.teams().get(t.profileEmail()));
                            line.put("kpi", t.kpiKey());
                            line.put("value", t.value());
                            return line;
                        })
                        .toList());
        json.put("badges", summary.badges());
        json.put("contest", contestJson(summary.contest()));
        json.put("scorecard_contest", contestJson(summary.scorecard()));
        json.put("goal", goalJson(summary.goal()));
        var endpoints = new LinkedHashMap<String, String>();
        summary.endpoints().forEach((k, v) -> endpoints.put(k, v.toString()));
        json.put("endpoints", endpoints);
        return json;
    }

    private static Map<String, Object> contestJson(Leaderboard board) {
        var contest = board.contest();
        var json = new LinkedHashMap<String, Object>();
        json.put("id", contest.id());
        json.put("name", contest.name());
        json.put("kpi", contest.kpiKey());
        json.put("status", contest.status().key());
        json.put("from", contest.startsOn().toString());
        json.put("to", contest.endsOn().toString());
        json.put(
                "leaderboard",
                board.entries().stream().map(DemoSummaryOutput::rowJson).toList());
        return json;
    }

    /** The goal's progress with the field names of {@code goal progress --json}. */
    private static Map<String, Object> goalJson(GoalProgressView goal) {
        var json = new LinkedHashMap<String, Object>();
        json.put("name", goal.name());
        json.put("kpi", goal.kpi());
        json.put("period", goal.period());
        json.put("goal_subject", goal.goalSubject());
        json.put("goal_name", goal.goalName());
        json.put("target", goal.target());
        json.put("value", goal.value());
        json.put("percent", goal.percent());
        json.put("pace", goal.pace());
        json.put("ahead_by", goal.aheadBy());
        json.put("status", goal.status());
        json.put("working_days", goal.workingDays());
        json.put("working_days_elapsed", goal.workingDaysElapsed());
        return json;
    }

    /** One leaderboard row as the summary and the live view print it under {@code --json}. */
    static Map<String, Object> rowJson(LeaderboardEntry entry) {
        var line = new LinkedHashMap<String, Object>();
        line.put("rank", entry.rank());
        line.put("participant", entry.participant());
        line.put("score", entry.value().orElse(null));
        return line;
    }
}
