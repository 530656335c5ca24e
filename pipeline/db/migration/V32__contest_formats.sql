-- Contest formats (issue 23, ADR 0045): a race to a target, head-to-head pairs, recurring series
-- and hidden contests. Today's contests are the `standard` format, visible and in no series.

create table contest_series (
    id              bigint generated always as identity primary key,
    organization_id bigint         not null references organizations (id) on delete cascade,
    name            varchar        not null,
    kpi_key         varchar        not null,
    every           varchar        not null,
    -- The first period's first day: period n starts n weeks or n months after it.
    anchor_on       date           not null,
    team_mode       boolean        not null default false,
    format          varchar        not null default 'standard',
    target          numeric(20, 6),
    grace_seconds   integer        not null,
    hidden          boolean        not null default false,
    -- E-mails of the people taking part; null means every active profile when a period starts.
    participants    varchar array,
    -- Explicit head-to-head pairs as 'a@x:b@x'; null means automatic pairing each period.
    pairs           varchar array,
    status          varchar        not null default 'active',
    created_at      timestamptz    not null default now(),
    cancelled_at    timestamptz,
    constraint contest_series_every_check check (every in ('week', 'month')),
    constraint contest_series_status_check check (status in ('active', 'cancelled'))
);

alter table contests add column format varchar not null default 'standard';
alter table contests add column hidden boolean not null default false;
alter table contests add column series_id bigint references contest_series (id) on delete set null;
-- One contest per series and period, however many nodes tick at once.
alter table contests add constraint contests_series_period_key unique (series_id, starts_on);

-- Head-to-head: the pair a person is in (1, 2, …); null in every other format.
alter table contest_participants add column pair_no integer;

/* [jooq ignore start] */
alter table contests add constraint contests_format_check
    check (format in ('standard', 'race', 'head_to_head'));
alter table contest_series add constraint contest_series_format_check
    check (format in ('standard', 'race', 'head_to_head'));
alter table contests add constraint contests_race_target_check
    check (format <> 'race' or target is not null);

grant select, insert, update on contest_series to ${app_role};
alter table contest_series enable row level security;
create policy contest_series_tenant on contest_series
    using (organization_id = (select scoreline_current_org()))
    with check (organization_id = (select scoreline_current_org()));

-- A head-to-head pair's result goes to both sides. The kinds other migrations allow stay allowed:
-- the list is extended, not restated.
do $$
declare
    definition text;
begin
    select pg_get_constraintdef(oid) into definition
      from pg_constraint where conname = 'notifications_kind_check' and conrelid = 'notifications'::regclass;
    if position('pair_result' in definition) = 0 then
        execute 'alter table notifications drop constraint notifications_kind_check';
        execute 'alter table notifications add constraint notifications_kind_check '
            || replace(definition, 'ARRAY[', 'ARRAY[''pair_result''::character varying, ');
    end if;
end $$;

-- The ticker finds the series whose next period it may have to create here, then creates each
-- inside its own organization's transaction. Schedule columns only, no names, KPIs or people.
create function scoreline_contest_series_directory()
    returns table (id bigint, organization_id bigint, timezone text, every text, anchor_on date)
    language sql stable security definer
    set search_path = public, pg_temp
    as $$ select s.id, s.organization_id, o.timezone, s.every, s.anchor_on
          from contest_series s join organizations o on o.id = s.organization_id
          where s.status = 'active' $$;

revoke all on function scoreline_contest_series_directory() from public;
grant execute on function scoreline_contest_series_directory() to ${app_role};
/* [jooq ignore stop] */
