-- Which master key the stored credentials are encrypted with (ADR 0022): an HMAC-SHA256 of a
-- fixed label under the key, never the key. One row; written by the first command that stores
-- a credential (or decrypts one, in a database that held credentials before this migration),
-- replaced only by `scoreline master-key rotate`, which runs as the owner.
/* [jooq ignore start] */
create table master_key_fingerprint (
    singleton   boolean     primary key default true check (singleton),
    fingerprint text        not null check (fingerprint ~ '^[0-9a-f]{64}$'),
    recorded_at timestamptz not null default now()
);
-- Default privileges would hand the runtime role DML here; it goes through the functions only.
revoke all on master_key_fingerprint from ${app_role};

create function scoreline_master_key_fingerprint() returns text
    language sql stable security definer
    set search_path = public, pg_temp
    as $$ select fingerprint from master_key_fingerprint $$;

-- Records the fingerprint if none is stored and answers the stored one, which the caller compares
-- with its own. FOR SHARE waits for a rotation in progress and then reads what it committed, so a
-- writer never stores a credential under a key that a concurrent rotation has just retired.
create function scoreline_record_master_key_fingerprint(candidate text) returns text
    language plpgsql volatile security definer
    set search_path = public, pg_temp
    as $$
declare
    stored text;
begin
    select fingerprint into stored from master_key_fingerprint for share;
    if stored is null then
        insert into master_key_fingerprint (fingerprint) values (candidate) on conflict do nothing;
        select fingerprint into stored from master_key_fingerprint for share;
    end if;
    return stored;
end
$$;

revoke all on function scoreline_master_key_fingerprint() from public;
revoke all on function scoreline_record_master_key_fingerprint(text) from public;
grant execute on function scoreline_master_key_fingerprint() to ${app_role};
grant execute on function scoreline_record_master_key_fingerprint(text) to ${app_role};
/* [jooq ignore stop] */
