-- Goals (issue 23, ADR 0044): a target for one KPI per week, month or quarter of the
-- organization's calendar. The subject is a person, a team (the team's total, sub-teams included),
-- or a default for the people of a role or for the members of a team (nearest team up the tree
-- wins). A goal applies to every period of its unit from starts_on (the first day of its first
-- period) through ends_on (the last day of its last period, null while it runs): a change starts a
-- new row from a period on and ends the previous one, so a closed period keeps the target it had.
create table goals (
    id              bigint generated always as identity primary key,
    organization_id bigint      not null references organizations (id) on delete cascade,
    kpi_key         varchar     not null,
    period_unit     varchar     not null,
    subject_kind    varchar     not null,
    profile_id      bigint,
    team_id         bigint,
    role            varchar,
    target          numeric(20, 6) not null,
    starts_on       date        not null,
    ends_on         date,
    created_at      timestamptz not null default now()
);

create index goals_organization_kpi_idx on goals (organization_id, kpi_key, period_unit);

/* [jooq ignore start] */
alter table goals add constraint goals_period_unit_check check (period_unit in ('week', 'month', 'quarter'));
alter table goals add constraint goals_subject_check check (
    (subject_kind = 'person' and profile_id is not null and team_id is null and role is null)
    or (subject_kind in ('team', 'team_members') and team_id is not null and profile_id is null and role is null)
    or (subject_kind = 'role' and role in ('rep', 'manager', 'admin') and profile_id is null and team_id is null));
alter table goals add constraint goals_target_check check (target > 0);
alter table goals add constraint goals_window_check check (ends_on is null or ends_on >= starts_on);
alter table goals add constraint goals_kpi_key_check check (char_length(kpi_key) between 1 and 200);
-- Composite keys, as in V25: a goal's person or team is always of the goal's organization (a
-- foreign key check ignores row-level security). A person's or team's goals go with them.
alter table goals add constraint goals_profile_fkey foreign key (organization_id, profile_id)
    references profiles (organization_id, id) on delete cascade;
alter table goals add constraint goals_team_fkey foreign key (organization_id, team_id)
    references teams (organization_id, id) on delete cascade;
-- One row per subject, KPI, unit and first period: a second `goal set` from the same period
-- replaces the target instead of adding a rival.
create unique index goals_subject_start_key on goals (organization_id, kpi_key, period_unit, subject_kind,
    coalesce(profile_id, 0), coalesce(team_id, 0), coalesce(role, ''), starts_on);

alter table goals enable row level security;
create policy goals_tenant on goals
    using (organization_id = (select scoreline_current_org()))
    with check (organization_id = (select scoreline_current_org()));
-- V20: the runtime role has on a new table what its migration grants. Goals are set, ended and
-- removed by operators and API callers.
grant select, insert, update, delete on goals to ${app_role};
/* [jooq ignore stop] */
