-- Contests ranked by percent of goal (issue 23, ADR 0046): a contest ranks by its KPI's value (as
-- before) or by each participant's value as a percent of their goal, so new and senior reps compete
-- on even terms. The goal period the window is measured against (the smallest week, month or
-- quarter that holds the whole window) is fixed when the contest is created: a later change of the
-- organization's week start does not move it. A series repeats its contests' ranking.
alter table contests add column rank_by varchar not null default 'value';
alter table contests add column goal_period_unit varchar;
alter table contests add column goal_period_from date;
alter table contests add constraint contests_rank_by_check check (rank_by in ('value', 'percent_of_goal'));
alter table contests add constraint contests_goal_period_unit_check
    check (goal_period_unit in ('week', 'month', 'quarter'));
alter table contests add constraint contests_goal_period_check
    check ((rank_by = 'percent_of_goal') = (goal_period_unit is not null and goal_period_from is not null));
-- A race's finishing moment must not move when a manager edits a goal (ADR 0046).
alter table contests add constraint contests_rank_by_format_check check (rank_by = 'value' or format <> 'race');

alter table contest_series add column rank_by varchar not null default 'value';
alter table contest_series add constraint contest_series_rank_by_check
    check (rank_by in ('value', 'percent_of_goal'));
