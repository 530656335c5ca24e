-- Connecting a CRM through its OAuth authorization-code flow (issue 24, ADR 0051). A row is one
-- attempt: made when an operator asks for the CRM's authorize URL, taken once when the browser
-- comes back to the callback. The state itself travels through the browser and the CRM and is
-- never stored: only its SHA-256 (it is 256 random bits, so no salt or key is needed to make the
-- hash useless to a reader of this table). The PKCE verifier must be sent to the CRM later, so it
-- is stored, encrypted under the master key like credentials.
create table oauth_states (
    id                bigint generated always as identity primary key,
    organization_id   bigint      not null references organizations (id) on delete cascade,
    state_hash        varchar     not null,
    provider          varchar     not null,
    -- What the integration is created with (the CRM profile's settings, validated at start).
    settings          jsonb       not null,
    external_account_id varchar,
    -- Set when the attempt gives an existing integration new credentials instead of a new one.
    reconnect_id      bigint      references integrations (id) on delete cascade,
    redirect_uri      varchar     not null,
    return_to         varchar,
    code_verifier     varchar,
    actor             varchar     not null,
    created_at        timestamptz not null,
    expires_at        timestamptz not null,
    used_at           timestamptz,
    outcome           varchar,
    outcome_message   varchar,
    integration_id    bigint      references integrations (id) on delete set null,
    constraint oauth_states_state_hash_key unique (state_hash)
);
create index oauth_states_organization_idx on oauth_states (organization_id, created_at);

/* [jooq ignore start] */
alter table oauth_states add constraint oauth_states_provider_check check (provider in ('salesforce', 'hubspot'));
alter table oauth_states add constraint oauth_states_hash_check check (state_hash ~ '^[0-9a-f]{64}$');
alter table oauth_states add constraint oauth_states_outcome_check
    check (outcome in ('connected', 'denied', 'failed'));
alter table oauth_states add constraint oauth_states_return_to_check
    check (return_to is null or (return_to like '/console/%' and return_to not like '%//%'));

alter table oauth_states enable row level security;
create policy oauth_states_tenant on oauth_states
    using (organization_id = (select scoreline_current_org()))
    with check (organization_id = (select scoreline_current_org()));
grant select, insert, update, delete on oauth_states to ${app_role};

-- The callback knows a state, not an organization: this takes the attempt (marks it used, once)
-- and names its organization; everything else is read in that organization's transaction.
-- used_before is the earlier use of a replayed state (null on the first take).
create function scoreline_oauth_state_take(p_hash text, p_at timestamptz)
    returns table (id bigint, organization_id bigint, used_before timestamptz)
    language sql volatile security definer
    set search_path = public, pg_temp
    as $$ with previous as (select s.id, s.used_at from oauth_states s where s.state_hash = p_hash for update)
          update oauth_states s set used_at = coalesce(s.used_at, p_at)
          from previous where s.id = previous.id
          returning s.id, s.organization_id, previous.used_at $$;
revoke all on function scoreline_oauth_state_take(text, timestamptz) from public;
grant execute on function scoreline_oauth_state_take(text, timestamptz) to ${app_role};
/* [jooq ignore stop] */
