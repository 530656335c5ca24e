-- Contests on any KPI (issue 23, ADR 0042): a contest may rank by a derived KPI, a scorecard or a
-- snapshot. It records the unit its KPI is counted in when it is created (count, currency, minutes,
-- percent) so that boards and lists show it. A ratio or average below its minimum denominator has
-- no value, which is not zero: such a row keeps a null score and says why, and ranks after every row
-- with a score. A row has exactly one of the two.
alter table contests add column unit varchar not null default 'count';
alter table contests add constraint contests_unit_check check (unit in ('count', 'currency', 'minutes', 'percent'));

alter table contest_leaderboards alter column score drop not null;
alter table contest_leaderboards add column undefined_reason varchar;
alter table contest_leaderboards add constraint contest_leaderboards_score_check
    check ((score is null) = (undefined_reason is not null));
