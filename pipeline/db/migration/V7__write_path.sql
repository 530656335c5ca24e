-- The page write path (ADR 0009): less work per row on the tables every page writes.
--
-- Tenancy on these tables is enforced by row-level security (V2), not by a foreign key to
-- organizations; each of those keys cost one `SELECT ... FOR KEY SHARE` on organizations per
-- inserted row. Deleting an organization deletes these rows itself (OrganizationStore.delete).
-- The integration and profile keys stay: they still cascade when an integration or a person goes.
-- PostgreSQL named the constraints, which jOOQ's build-time DDL interpreter cannot know, so the
-- drops sit between `jooq ignore` markers (the generated classes keep the now unused key
-- metadata, which nothing reads).
/* [jooq ignore start] */
alter table crm_records drop constraint crm_records_organization_id_fkey;
alter table kpi_facts drop constraint kpi_facts_organization_id_fkey;
alter table kpi_values drop constraint kpi_values_organization_id_fkey;
alter table kpi_changes drop constraint kpi_changes_organization_id_fkey;

-- Which rule version produced a fact is provenance, not a reference anyone follows; rule sets
-- are never deleted, so the key only cost a check per written fact.
alter table kpi_facts drop constraint kpi_facts_rule_set_id_fkey;
/* [jooq ignore stop] */

-- No query reads kpi_facts by profile or by CRM user: facts are read by their primary key
-- (integration, object, record), and KPI totals come from kpi_values. Two indexes fewer to
-- maintain on every fact written.
drop index kpi_facts_profile_idx;
drop index kpi_facts_crm_user_idx;
