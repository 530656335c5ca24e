-- Salesforce outbound messages are unsigned, so their endpoint URL carries a per-integration
-- secret (ADR 0020). Only its SHA-256 is stored: a database dump or a reader of this table
-- cannot post messages. Integrations added before this migration have none, and their
-- endpoint refuses every message until `scoreline integration rotate-secret` gives them one.
alter table integrations add column endpoint_secret_hash bytea;

/* [jooq ignore start] */

alter table integrations add constraint integrations_endpoint_secret_hash_check
    check (endpoint_secret_hash is null or (provider = 'salesforce' and octet_length(endpoint_secret_hash) = 32));

-- The endpoint knows only the integration id from the URL, not its organization, so (like
-- scoreline_integration_directory) an owner-run function answers for that one Salesforce
-- integration: where its messages go, the org they must come from, and the secret's hash to
-- compare with. Nothing for other providers, no credentials.
create function scoreline_salesforce_endpoint(p_integration_id bigint)
    returns table (id bigint, organization_id bigint, status text, external_account_id text,
                   endpoint_secret_hash bytea)
    language sql stable security definer
    set search_path = public, pg_temp
    as $$ select i.id, i.organization_id, i.status, i.external_account_id, i.endpoint_secret_hash
          from integrations i
          where i.id = p_integration_id and i.provider = 'salesforce' $$;

revoke all on function scoreline_salesforce_endpoint(bigint) from public;
grant execute on function scoreline_salesforce_endpoint(bigint) to ${app_role};

/* [jooq ignore stop] */
