-- The page write path, continued (ADR 0013). PostgreSQL checks a foreign key of each inserted row
-- by locking the referenced row (`SELECT ... FOR KEY SHARE`). Every row a page writes points at
-- the same integration and at one of a few dozen people, and two pages are in flight: each check
-- turned into a multixact lock on a row the other transaction also holds, ~39 % of the backends'
-- CPU in a backfill (`perf`, after ADR 0011). The keys of the two tables written per record go;
-- the per-cell tables (kpi_values, kpi_changes), written ~20 times less often, keep theirs.
--
-- Nothing deletes an integration or a profile on its own today; deleting an organization deletes
-- these tables' rows itself (OrganizationStore.delete). Code that ever deletes an integration or a
-- profile must delete (crm_records, kpi_facts) or null (kpi_facts.profile_id) its rows in the same
-- transaction, as the dropped keys' ON DELETE actions did.
/* [jooq ignore start] */
alter table crm_records drop constraint crm_records_integration_id_fkey;
alter table kpi_facts drop constraint kpi_facts_integration_id_fkey;
alter table kpi_facts drop constraint kpi_facts_profile_id_fkey;
/* [jooq ignore stop] */
