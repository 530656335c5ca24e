package io.scoreline.app.cli;

import io.scoreline.gamification.contests.ContestSummary;
import java.util.LinkedHashMap;

/** The JSON line of a contest, shared by {@code contest create} and {@code contest list}. */
final class ContestJson {

    private ContestJson() {
    }

    static LinkedHashMap<String, Object> of(ContestSummary summary) {
        var contest = summary.contest();
        var line = new LinkedHashMap<String, Object>();
        line.put("id", contest.id());
        line.put("name", contest.name());
        line.put("kpi", contest.kpiKey());
        line.put("from", contest.startsOn().toString());
        line.put("to", contest.endsOn().toString());
        line.put("teams", contest.teams());
        line.put("target", contest.target().map(t -> t.stripTrailingZeros().toPlainString()).orElse(null));
        line.put("grace", contest.grace().toString());
        line.put("status", contest.status().key());
        line.put("entries", summary.entries());
        return line;
    }
}
