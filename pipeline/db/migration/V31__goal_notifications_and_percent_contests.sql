-- What goals cause (issue 23): two notification kinds, and contests ranked by percent of goal.
-- goal_reached is sent once per person, KPI and goal period; goal_behind_pace at most once per
-- person, KPI and period (the dedupe keys say so).
alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check check (kind in
    ('badge_earned', 'took_lead', 'entered_top3', 'target_reached', 'contest_won',
     'goal_reached', 'goal_behind_pace'));

-- A contest ranks by the KPI's value (as before) or by the value as a percent of each participant's
-- goal for the contest's window, so new and senior reps compete on even terms.
alter table contests add column rank_by varchar not null default 'value';
alter table contests add constraint contests_rank_by_check check (rank_by in ('value', 'percent_of_goal'));

-- The goal a percent-of-goal row is measured against; null in such a contest means the participant
-- has no goal for the window: it scores nothing and ranks after everyone who has one.
alter table contest_leaderboards add column goal numeric(20, 6);
