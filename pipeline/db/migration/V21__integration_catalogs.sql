-- What each integration's CRM account has (issue 20, ADR 0033): its objects and fields as its
-- describe or properties calls reported them, one row per version read. A refresh that finds the
-- same content stores nothing new and only moves checked_at, so versions are changes, not reads.
create table integration_catalogs (
    id              bigint generated always as identity primary key,
    organization_id bigint      not null references organizations (id) on delete cascade,
    integration_id  bigint      not null references integrations (id) on delete cascade,
    version         integer     not null,
    -- The catalog JSON of IntegrationCatalogJson, canonical: equal catalogs are equal text.
    catalog         varchar     not null,
    read_at         timestamptz not null,
    checked_at      timestamptz not null,
    api_calls       bigint      not null,
    constraint integration_catalogs_version_key unique (integration_id, version)
);

/* [jooq ignore start] */
alter table integration_catalogs enable row level security;
create policy integration_catalogs_tenant on integration_catalogs
    using (organization_id = (select scoreline_current_org()))
    with check (organization_id = (select scoreline_current_org()));
-- V20: a new table is the runtime role's only as far as its migration says. Catalogs are added
-- and their check time moved; never deleted by the application (the integration's deletion cascades).
grant select, insert, update on integration_catalogs to ${app_role};
/* [jooq ignore stop] */
