-- Operator console sessions (issue 24, ADR 0050). The browser holds an opaque random id in a
-- cookie; this table keeps only its SHA-256 (256 random bits need no slow hash), never the API
-- key that opened it. A session belongs to the key that opened it and dies with it (revoked,
-- expired or deleted), and ends on its own after an idle and an absolute limit.
create table console_sessions (
    id              bigint generated always as identity primary key,
    id_hash         varchar     not null unique,
    -- Null while the holder of a platform key has not picked an organization yet.
    organization_id bigint      references organizations (id) on delete cascade,
    key_id          bigint      not null references api_keys (id) on delete cascade,
    scope           varchar     not null,
    csrf_token      varchar     not null,
    created_at      timestamptz not null,
    last_seen_at    timestamptz not null,
    expires_at      timestamptz not null
);

/* [jooq ignore start] */
alter table console_sessions add constraint console_sessions_scope_check check (scope in ('read', 'write', 'admin'));
alter table console_sessions add constraint console_sessions_hash_check check (id_hash ~ '^[0-9a-f]{64}$');
create index console_sessions_key_idx on console_sessions (key_id);

-- The tenant policy hides every session from tenant transactions; the runtime role has no
-- privilege on the table at all. A session is found by its id's hash before its organization is
-- known, so everything goes through the four owner-run functions below, each narrow.
alter table console_sessions enable row level security;
create policy console_sessions_tenant on console_sessions
    using (organization_id = (select scoreline_current_org()))
    with check (organization_id = (select scoreline_current_org()));

create function scoreline_console_session_open(p_hash text, p_organization_id bigint, p_key_id bigint,
                                               p_scope text, p_csrf text, p_at timestamptz, p_expires_at timestamptz)
    returns void
    language sql volatile security definer
    set search_path = public, pg_temp
    as $$ insert into console_sessions (id_hash, organization_id, key_id, scope, csrf_token, created_at,
                                        last_seen_at, expires_at)
          values (p_hash, p_organization_id, p_key_id, p_scope, p_csrf, p_at, p_at, p_expires_at) $$;

-- One call per console request: a session past its idle or absolute limit, or whose key is
-- revoked or expired, is deleted and not returned; a live one is returned and its last use moved.
create function scoreline_console_session_use(p_hash text, p_at timestamptz, p_idle interval)
    returns table (organization_id bigint, key_id bigint, scope text, csrf_token text, expires_at timestamptz)
    language plpgsql volatile security definer
    set search_path = public, pg_temp
    as $$
    begin
        delete from console_sessions s using api_keys k
            where s.id_hash = p_hash and k.id = s.key_id
              and (s.expires_at <= p_at or s.last_seen_at + p_idle <= p_at
                   or k.revoked_at is not null or (k.expires_at is not null and k.expires_at <= p_at));
        return query
            update console_sessions s set last_seen_at = greatest(s.last_seen_at, p_at)
                where s.id_hash = p_hash
                returning s.organization_id, s.key_id, s.scope::text, s.csrf_token::text, s.expires_at;
    end $$;

-- A platform key's holder picks the organization once; a session never moves between two.
create function scoreline_console_session_pick(p_hash text, p_organization_id bigint)
    returns bigint
    language sql volatile security definer
    set search_path = public, pg_temp
    as $$ update console_sessions set organization_id = p_organization_id
          where id_hash = p_hash and organization_id is null
          returning organization_id $$;

create function scoreline_console_session_close(p_hash text)
    returns void
    language sql volatile security definer
    set search_path = public, pg_temp
    as $$ delete from console_sessions where id_hash = p_hash $$;

revoke all on function scoreline_console_session_open(text, bigint, bigint, text, text, timestamptz, timestamptz) from public;
revoke all on function scoreline_console_session_use(text, timestamptz, interval) from public;
revoke all on function scoreline_console_session_pick(text, bigint) from public;
revoke all on function scoreline_console_session_close(text) from public;
grant execute on function scoreline_console_session_open(text, bigint, bigint, text, text, timestamptz, timestamptz) to ${app_role};
grant execute on function scoreline_console_session_use(text, timestamptz, interval) to ${app_role};
grant execute on function scoreline_console_session_pick(text, bigint) to ${app_role};
grant execute on function scoreline_console_session_close(text) to ${app_role};
/* [jooq ignore stop] */
