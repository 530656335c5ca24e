-- API keys of the admin API (issue 21, ADR 0036). A key is shown once; the table keeps its
-- lookup prefix and an HMAC-SHA-256 of the whole key under a key derived from the master key,
-- never the key. Nothing wrote api_keys before this migration (V1 made it for later), so its
-- unused salt column goes and the hash changes meaning without a conversion.
alter table api_keys drop column salt;
alter table api_keys add column name varchar not null default 'unnamed';
alter table api_keys add column expires_at timestamptz;
-- A platform key belongs to no organization: it creates and lists organizations.
alter table api_keys add column platform boolean not null default false;
alter table api_keys alter column organization_id drop not null;

/* [jooq ignore start] */
alter table api_keys alter column name drop default;
alter table api_keys add constraint api_keys_owner_check
    check ((platform and organization_id is null) or (not platform and organization_id is not null));
alter table api_keys add constraint api_keys_scopes_check check (scopes in ('read', 'write', 'admin'));
alter table api_keys add constraint api_keys_hash_check check (hash ~ '^[0-9a-f]{64}$');
alter table api_keys add constraint api_keys_name_printable
    check (char_length(name) between 1 and 100 and name !~ '[\u0001-\u001f\u007f-\u009f]');

-- The tenant policy (organization_id = the transaction's organization) already hides platform
-- keys (null organization) from every tenant transaction; they are reached only through the
-- owner-run functions below, each of which does one narrow thing.

-- A bearer names its key by prefix before anyone knows its organization: the one row, with
-- what verification needs (the stored HMAC, never a key).
create function scoreline_api_key_by_prefix(p_prefix text)
    returns table (id bigint, organization_id bigint, platform boolean, hash text, scopes text,
                   expires_at timestamptz, revoked_at timestamptz, last_used_at timestamptz)
    language sql stable security definer
    set search_path = public, pg_temp
    as $$ select k.id, k.organization_id, k.platform, k.hash, k.scopes, k.expires_at, k.revoked_at, k.last_used_at
          from api_keys k where k.prefix = p_prefix $$;

-- Last use, at most once a minute per key: one cheap update instead of a write per request.
create function scoreline_api_key_used(p_id bigint, p_at timestamptz)
    returns void
    language sql volatile security definer
    set search_path = public, pg_temp
    as $$ update api_keys set last_used_at = p_at
          where id = p_id and (last_used_at is null or last_used_at < p_at - interval '1 minute') $$;

-- `apikey revoke --id` names no organization. Idempotent: the first revocation time stays.
create function scoreline_api_key_revoke(p_id bigint, p_at timestamptz)
    returns table (id bigint, organization_id bigint, platform boolean, revoked_at timestamptz)
    language sql volatile security definer
    set search_path = public, pg_temp
    as $$ update api_keys set revoked_at = coalesce(revoked_at, p_at) where api_keys.id = p_id
          returning api_keys.id, api_keys.organization_id, api_keys.platform, api_keys.revoked_at $$;

-- Platform keys: created and listed by an operator of the installation (the CLI), never by a tenant.
create function scoreline_platform_api_key_create(p_prefix text, p_hash text, p_name text, p_expires_at timestamptz)
    returns table (id bigint, created_at timestamptz)
    language sql volatile security definer
    set search_path = public, pg_temp
    as $$ insert into api_keys (organization_id, platform, prefix, hash, name, scopes, expires_at)
          values (null, true, p_prefix, p_hash, p_name, 'admin', p_expires_at)
          returning api_keys.id, api_keys.created_at $$;

create function scoreline_platform_api_keys()
    returns table (id bigint, prefix text, name text, scopes text, created_at timestamptz,
                   last_used_at timestamptz, expires_at timestamptz, revoked_at timestamptz)
    language sql stable security definer
    set search_path = public, pg_temp
    as $$ select k.id, k.prefix, k.name, k.scopes, k.created_at, k.last_used_at, k.expires_at, k.revoked_at
          from api_keys k where k.platform order by k.id $$;

revoke all on function scoreline_api_key_by_prefix(text) from public;
revoke all on function scoreline_api_key_used(bigint, timestamptz) from public;
revoke all on function scoreline_api_key_revoke(bigint, timestamptz) from public;
revoke all on function scoreline_platform_api_key_create(text, text, text, timestamptz) from public;
revoke all on function scoreline_platform_api_keys() from public;
grant execute on function scoreline_api_key_by_prefix(text) to ${app_role};
grant execute on function scoreline_api_key_used(bigint, timestamptz) to ${app_role};
grant execute on function scoreline_api_key_revoke(bigint, timestamptz) to ${app_role};
grant execute on function scoreline_platform_api_key_create(text, text, text, timestamptz) to ${app_role};
grant execute on function scoreline_platform_api_keys() to ${app_role};
/* [jooq ignore stop] */
