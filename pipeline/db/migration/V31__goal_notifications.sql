-- What goals cause (issue 23): two notification kinds.
-- goal_reached is sent once per person, KPI and goal period; goal_behind_pace at most once per
-- person, KPI and period (the dedupe keys say so).
alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check check (kind in
    ('badge_earned', 'took_lead', 'entered_top3', 'target_reached', 'contest_won',
     'goal_reached', 'goal_behind_pace'));

