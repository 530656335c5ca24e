-- Contests (DESIGN §8): the indexes the leaderboard updater and the lifecycle ticker read by, and
-- the directory the ticker finds contests through. The contest tables themselves are in V1.

-- The updater looks up, for one changed (kpi, date), the contests that are still moving.
create index contests_moving_idx on contests (organization_id, kpi_key, starts_on, ends_on)
    where status in ('live', 'provisional');
create index contest_participants_profile_idx on contest_participants (profile_id);
create index contest_participants_team_idx on contest_participants (contest_id, team_id);

/* [jooq ignore start] */
-- The ticker runs without an organization: it finds the contests it may have to move here, then
-- moves each inside its own organization's transaction. Schedule columns only, no tenant data
-- such as names, KPIs or scores.
create function scoreline_contest_directory()
    returns table (id bigint, organization_id bigint, timezone text, status text, starts_on date,
                   ends_on date, grace_seconds integer)
    language sql stable security definer
    set search_path = public, pg_temp
    as $$ select c.id, c.organization_id, o.timezone, c.status, c.starts_on, c.ends_on, c.grace_seconds
          from contests c join organizations o on o.id = c.organization_id $$;

revoke all on function scoreline_contest_directory() from public;
grant execute on function scoreline_contest_directory() to ${app_role};
/* [jooq ignore stop] */
