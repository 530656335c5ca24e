-- Snapshot KPIs (issue 23, ADR 0043): a person's value of a state KPI (open pipeline) at the
-- end of a local day. The facts of snapshot rules stay in kpi_facts, one per record, like every
-- fact; they never reach kpi_values, whose cells are summed over days. A row here is written for
-- the organization's current day whenever the person's snapshot facts change, so rows of past
-- days are never rewritten, and a day without a row has the value of the last row before it.
create table kpi_snapshots (
    organization_id bigint         not null references organizations (id) on delete cascade,
    kpi_key         varchar        not null,
    profile_id      bigint         not null references profiles (id) on delete cascade,
    period_date     date           not null,
    value           numeric(20, 6) not null,
    fact_count      integer        not null,
    updated_at      timestamptz    not null default now(),
    -- kpi first: a read takes one KPI for a group of people, and the writer asks which of a page's
    -- KPI keys have snapshot rows.
    primary key (organization_id, kpi_key, profile_id, period_date)
);

/* [jooq ignore start] */
alter table kpi_snapshots enable row level security;
create policy kpi_snapshots_tenant on kpi_snapshots
    using (organization_id = (select scoreline_current_org()))
    with check (organization_id = (select scoreline_current_org()));
-- V20: a new table is the runtime role's only as far as its migration says. Rows are written and
-- updated by the page writer; never deleted by the application (profile and organization
-- deletions cascade).
grant select, insert, update on kpi_snapshots to ${app_role};
/* [jooq ignore stop] */
