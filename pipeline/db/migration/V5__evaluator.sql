-- The gamification evaluator (DESIGN §4.4, §8; ADR 0006): retry bookkeeping on the kpi_changes
-- outbox, stock/custom origin of badge rows, and the sticky-reversal trail of awards.

-- A profile whose evaluation fails is retried with backoff without blocking the others.
alter table kpi_changes add column attempts integer not null default 0;
alter table kpi_changes add column last_error varchar;
-- Null: due now. Compared with the evaluator's clock, not the database's, so tests can fake time.
alter table kpi_changes add column next_attempt_at timestamptz;
-- Workers claim each organization's pending rows in id order.
create index kpi_changes_org_pending_idx on kpi_changes (organization_id, id) where processed_at is null;

-- Stock badges are copied into each organization ('stock') and refreshed from the catalog;
-- `badges add` rows ('custom') are never overwritten by a catalog refresh.
alter table badges add column origin varchar not null default 'custom';
alter table badges add constraint badges_origin_check check (origin in ('stock', 'custom'));

-- A sticky award whose value fell back under its threshold keeps status 'awarded'; the reversal is
-- recorded here (and in audit_log) and cleared if later data takes it back over.
alter table profile_badges add column reversed_at timestamptz;
alter table profile_badges add column reversal jsonb;
alter table profile_badges add column updated_at timestamptz not null default now();
create index profile_badges_profile_idx on profile_badges (organization_id, profile_id, badge_id);

/* [jooq ignore start] */
-- Organizations with outbox rows due at ready_at: workers need this list before they can name an
-- organization, and the runtime role sees no kpi_changes row outside one. Exposes ids only.
create function scoreline_orgs_with_pending_changes(ready_at timestamptz)
    returns table (organization_id bigint)
    language sql stable security definer
    set search_path = public, pg_temp
    as $$ select distinct c.organization_id from kpi_changes c
          where c.processed_at is null and (c.next_attempt_at is null or c.next_attempt_at <= ready_at)
          order by 1 $$;

revoke all on function scoreline_orgs_with_pending_changes(timestamptz) from public;
grant execute on function scoreline_orgs_with_pending_changes(timestamptz) to ${app_role};
/* [jooq ignore stop] */
