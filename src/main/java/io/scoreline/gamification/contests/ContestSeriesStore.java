package io.scoreline.gamification.contests;

import static io.scoreline.pipeline.db.Tables.CONTESTS;
import static io.scoreline.pipeline.db.Tables.CONTEST_SERIES;

import io.scoreline.gamification.contests.ContestOptions.ContestPair;
import io.scoreline.pipeline.db.tables.records.ContestSeriesRecord;
import io.scoreline.pipeline.tenancy.Organization;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Recurring contests (ADR 0045): a series holds what every period's contest repeats (KPI, format,
 * target, grace, participants rule, pairs, hidden, ranking) and the day its first period starts; each period
 * is a contest of its own, unique per series and first day.
 */
final class ContestSeriesStore {

    private ContestSeriesStore() {}

    /** Stores the series of {@code request} (its first period is {@code request}'s window); @return its id */
    static long insert(DSLContext tx, Organization organization, NewContest request) {
        var options = request.options();
        return tx.insertInto(CONTEST_SERIES)
                .set(CONTEST_SERIES.ORGANIZATION_ID, organization.id())
                .set(CONTEST_SERIES.NAME, request.name())
                .set(CONTEST_SERIES.KPI_KEY, request.kpiKey())
                .set(CONTEST_SERIES.EVERY, options.every().orElseThrow().key())
                .set(CONTEST_SERIES.ANCHOR_ON, request.startsOn())
                .set(CONTEST_SERIES.TEAM_MODE, request.teams())
                .set(CONTEST_SERIES.FORMAT, options.format().key())
                .set(CONTEST_SERIES.TARGET, request.target().orElse(null))
                .set(
                        CONTEST_SERIES.GRACE_SECONDS,
                        Math.toIntExact(request.grace().toSeconds()))
                .set(CONTEST_SERIES.HIDDEN, options.hidden())
                .set(CONTEST_SERIES.RANK_BY, options.rankBy().key())
                .set(
                        CONTEST_SERIES.PARTICIPANTS,
                        request.participants().isEmpty() || !options.pairs().isEmpty()
                                ? null
                                : request.participants().toArray(String[]::new))
                .set(
                        CONTEST_SERIES.PAIRS,
                        options.pairs().isEmpty()
                                ? null
                                : options.pairs().stream()
                                        .map(ContestPair::text)
                                        .toArray(String[]::new))
                .returning(CONTEST_SERIES.ID)
                .fetchSingle()
                .getId();
    }

    /** The active series, locked until the end of {@code tx} so that one node at a time adds its periods. */
    static Optional<ContestSeriesRecord> lockActive(DSLContext tx, long seriesId) {
        return tx.selectFrom(CONTEST_SERIES)
                .where(CONTEST_SERIES.ID.eq(seriesId))
                .and(CONTEST_SERIES.STATUS.eq("active"))
                .forUpdate()
                .fetchOptional();
    }

    static boolean hasPeriod(DSLContext tx, long seriesId, java.time.LocalDate startsOn) {
        return tx.fetchExists(tx.selectOne()
                .from(CONTESTS)
                .where(CONTESTS.SERIES_ID.eq(seriesId))
                .and(CONTESTS.STARTS_ON.eq(startsOn)));
    }

    /** The request for period {@code n} of the series. */
    static NewContest period(ContestSeriesRecord series, long n) {
        var every = Recurrence.fromKey(series.getEvery());
        var pairs = series.getPairs() == null
                ? List.<ContestPair>of()
                : Arrays.stream(series.getPairs())
                        .map(p -> new ContestPair(p.substring(0, p.indexOf(':')), p.substring(p.indexOf(':') + 1)))
                        .toList();
        return new NewContest(
                series.getName(),
                series.getKpiKey(),
                every.start(series.getAnchorOn(), n),
                every.end(series.getAnchorOn(), n),
                series.getTeamMode(),
                Optional.ofNullable(series.getTarget()),
                Duration.ofSeconds(series.getGraceSeconds()),
                series.getParticipants() == null ? List.of() : List.of(series.getParticipants()),
                new ContestOptions(
                        ContestFormat.fromKey(series.getFormat()),
                        pairs,
                        Optional.of(every),
                        series.getHidden(),
                        RankBy.fromKey(series.getRankBy())));
    }

    /** Stops the series: no period is created after this. @return whether it was active */
    static boolean cancel(DSLContext tx, long seriesId, Instant now) {
        return tx.update(CONTEST_SERIES)
                        .set(CONTEST_SERIES.STATUS, "cancelled")
                        .set(CONTEST_SERIES.CANCELLED_AT, now.atOffset(ZoneOffset.UTC))
                        .where(CONTEST_SERIES.ID.eq(seriesId))
                        .and(CONTEST_SERIES.STATUS.eq("active"))
                        .execute()
                == 1;
    }
}
