-- Row-level security, the same rule evaluated once per statement (ADR 0018). Written as
-- `organization_id = scoreline_current_org()`, the policies called current_setting() for every
-- row a statement inserted, updated or read: a settings lookup, a copy of its text and a parse to
-- bigint per row, a few per cent of the database's CPU in a backfill (thousands of rows per page).
-- As a scalar subquery, `(select scoreline_current_org())`, the planner evaluates it once per
-- statement (an InitPlan); which rows pass is unchanged.
/* [jooq ignore start] */
-- Every table V2 gave a `<table>_tenant` policy, found by that name rather than listed again.
do $$
declare
    t text;
begin
    for t in select tablename from pg_policies
              where schemaname = 'public' and policyname = tablename || '_tenant' and tablename <> 'organizations'
    loop
        execute format('alter policy %I on %I using (organization_id = (select scoreline_current_org())) '
                       'with check (organization_id = (select scoreline_current_org()))', t || '_tenant', t);
    end loop;
end
$$;

alter policy organizations_tenant on organizations
    using (id = (select scoreline_current_org()))
    with check (id = (select scoreline_current_org()));
alter policy badges_read on badges
    using (organization_id is null or organization_id = (select scoreline_current_org()));
alter policy badges_write on badges
    with check (organization_id = (select scoreline_current_org()));
alter policy badges_update on badges
    using (organization_id = (select scoreline_current_org()))
    with check (organization_id = (select scoreline_current_org()));
alter policy badges_delete on badges
    using (organization_id = (select scoreline_current_org()));
/* [jooq ignore stop] */
