package io.scoreline.gamification.contests;

import static io.scoreline.pipeline.db.Tables.PROFILES;

import io.scoreline.gamification.contests.ContestOptions.ContestPair;
import io.scoreline.mappings.measures.MeasuredValue;
import io.scoreline.pipeline.kpi.measure.KpiMeasureCatalog;
import io.scoreline.pipeline.kpi.measure.KpiMeasureReader;
import io.scoreline.pipeline.tenancy.Organization;
import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record2;

/**
 * Who faces whom in a head-to-head contest (ADR 0045). Explicit pairs are taken as given. Automatic
 * pairing seeds everyone by their value of the contest's KPI over the window of the same length just
 * before it starts (for a series: the previous period), best first, and pairs neighbours: 1 with 2,
 * 3 with 4, so that each pair is an even match. With an odd number the last seed sits out.
 */
final class HeadToHeadPairs {

    private HeadToHeadPairs() {}

    /** The e-mails of explicit pairs, in order. */
    static List<String> emails(List<ContestPair> pairs) {
        var emails = new ArrayList<String>();
        pairs.forEach(p -> {
            emails.add(p.first());
            emails.add(p.second());
        });
        return emails;
    }

    /** Profile id to pair number (1, 2, …) for the contest's people (profile id, team id). */
    static Map<Long, Integer> assign(
            DSLContext tx, Organization organization, NewContest request, List<Record2<Long, Long>> people) {
        var pairs = new HashMap<Long, Integer>();
        if (!request.options().pairs().isEmpty()) {
            var byEmail = new HashMap<String, Long>();
            tx.select(PROFILES.EMAIL, PROFILES.ID)
                    .from(PROFILES)
                    .where(PROFILES.ORGANIZATION_ID.eq(organization.id()))
                    .and(PROFILES.EMAIL.in(emails(request.options().pairs())))
                    .forEach(r -> byEmail.put(r.value1(), r.value2()));
            int number = 0;
            for (var pair : request.options().pairs()) {
                number++;
                pairs.put(byEmail.get(pair.first()), number);
                pairs.put(byEmail.get(pair.second()), number);
            }
            return pairs;
        }
        var seeded = seeds(
                tx, organization, request, people.stream().map(Record2::value1).toList());
        for (int i = 0; i + 1 < seeded.size(); i += 2) {
            pairs.put(seeded.get(i), i / 2 + 1);
            pairs.put(seeded.get(i + 1), i / 2 + 1);
        }
        return pairs;
    }

    /** Profile ids, best seed first; an undefined or missing value seeds last, the profile id breaks ties. */
    private static List<Long> seeds(DSLContext tx, Organization organization, NewContest request, List<Long> people) {
        var measure = KpiMeasureCatalog.of(tx, organization.id()).get(request.kpiKey());
        long days = ChronoUnit.DAYS.between(request.startsOn(), request.endsOn()) + 1;
        var from = request.options()
                .every()
                .map(every -> every.start(request.startsOn(), -1))
                .orElse(request.startsOn().minusDays(days));
        var to = request.startsOn().minusDays(1);
        var values = new HashMap<Long, BigDecimal>();
        for (long person : people) {
            if (measure != null
                    && KpiMeasureReader.value(tx, organization.id(), measure, List.of(person), from, to)
                            instanceof MeasuredValue.Defined(var value)) {
                values.put(person, value);
            }
        }
        return people.stream()
                .distinct()
                .sorted(Comparator.<Long, Boolean>comparing(p -> !values.containsKey(p))
                        .thenComparing(p -> values.getOrDefault(p, BigDecimal.ZERO), Comparator.reverseOrder())
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
    }
}
