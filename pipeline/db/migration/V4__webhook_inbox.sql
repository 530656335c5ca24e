-- Webhook inbox (ADR 0005). V1 made the table; this adds what the inbox workers need.

-- Workers look for due rows per organization: pending ones whose time has come, and claimed
-- ("processing") ones whose lease ran out because the worker that claimed them died.
create index webhook_inbox_due_idx on webhook_inbox (next_attempt_at, organization_id)
    where status in ('pending', 'processing');

/* [jooq ignore start] */

-- The runtime role sees inbox rows only inside one organization's transaction, so the workers
-- first ask this owner-run function which organizations have due rows. It returns ids only.
create function scoreline_inbox_due_organizations(due_at timestamptz)
    returns table (organization_id bigint)
    language sql stable security definer
    set search_path = public, pg_temp
    as $$ select distinct w.organization_id from webhook_inbox w
          where w.status in ('pending', 'processing') and w.next_attempt_at <= due_at $$;

revoke all on function scoreline_inbox_due_organizations(timestamptz) from public;
grant execute on function scoreline_inbox_due_organizations(timestamptz) to ${app_role};

/* [jooq ignore stop] */
