-- Tenant isolation (DESIGN §1.4, §5). Migrations run as the owner role; the application runs as
-- ${app_role}, which owns nothing and cannot bypass row-level security, and sees only the rows of
-- the organization named by `SET LOCAL scoreline.org_id` in its current transaction.
/* [jooq ignore start] */

do $$
begin
    if not exists (select 1 from pg_roles where rolname = '${app_role}') then
        create role ${app_role} nologin nosuperuser nobypassrls noinherit;
    end if;
    -- The owner connection switches to the runtime role with SET ROLE; that needs membership.
    if not pg_has_role(current_user, '${app_role}', 'member') then
        execute format('grant %I to %I', '${app_role}', current_user);
    end if;
end
$$;

-- Null (no rows visible) when the unit of work did not name an organization.
create function scoreline_current_org() returns bigint
    language sql stable
    as $$ select nullif(current_setting('scoreline.org_id', true), '')::bigint $$;

grant usage on schema public to ${app_role};
grant select, insert, update, delete on all tables in schema public to ${app_role};
grant usage, select on all sequences in schema public to ${app_role};
grant execute on function scoreline_current_org() to ${app_role};
alter default privileges in schema public grant select, insert, update, delete on tables to ${app_role};
alter default privileges in schema public grant usage, select on sequences to ${app_role};
revoke select, insert, update, delete on flyway_schema_history from ${app_role};

alter table organizations enable row level security;
create policy organizations_tenant on organizations
    using (id = scoreline_current_org())
    with check (id = scoreline_current_org());

do $$
declare
    t text;
begin
    foreach t in array array[
        'teams', 'profiles', 'integrations', 'crm_identities', 'sync_runs', 'sync_checkpoints',
        'crm_records', 'mapping_rule_sets', 'kpi_definitions', 'kpi_facts', 'kpi_values',
        'kpi_changes', 'webhook_inbox', 'profile_badges', 'contests', 'contest_participants',
        'contest_leaderboards', 'notifications', 'api_keys', 'audit_log']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('create policy %I on %I using (organization_id = scoreline_current_org()) '
                       'with check (organization_id = scoreline_current_org())', t || '_tenant', t);
    end loop;
end
$$;

-- Stock badges (null organization) are readable by every tenant and writable by none.
alter table badges enable row level security;
create policy badges_read on badges for select
    using (organization_id is null or organization_id = scoreline_current_org());
create policy badges_write on badges for insert
    with check (organization_id = scoreline_current_org());
create policy badges_update on badges for update
    using (organization_id = scoreline_current_org())
    with check (organization_id = scoreline_current_org());
create policy badges_delete on badges for delete
    using (organization_id = scoreline_current_org());

-- Cross-tenant look-ups the runtime needs (listing organizations, routing a webhook or a
-- scheduled job to its integration) go through these owner-run functions. They return
-- directory columns only: never credentials, never tenant data.
create function scoreline_org_directory()
    returns table (id bigint, slug text, name text, timezone text, week_start text, created_at timestamptz)
    language sql stable security definer
    set search_path = public, pg_temp
    as $$ select o.id, o.slug, o.name, o.timezone, o.week_start, o.created_at from organizations o $$;

create function scoreline_integration_directory()
    returns table (id bigint, organization_id bigint, provider text, status text,
                   external_account_id text, schedule_minute integer)
    language sql stable security definer
    set search_path = public, pg_temp
    as $$ select i.id, i.organization_id, i.provider, i.status, i.external_account_id, i.schedule_minute
          from integrations i $$;

revoke all on function scoreline_org_directory() from public;
revoke all on function scoreline_integration_directory() from public;
grant execute on function scoreline_org_directory() to ${app_role};
grant execute on function scoreline_integration_directory() to ${app_role};

/* [jooq ignore stop] */
