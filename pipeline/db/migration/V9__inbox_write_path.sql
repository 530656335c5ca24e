-- The webhook acknowledgement path (ADR 0013): each request inserts its batch into webhook_inbox
-- while other requests and the inbox workers write rows of the same organization and integration.
-- The organization and integration keys made every inserted row lock those two rows FOR KEY
-- SHARE, shared by every concurrent transaction (multixacts). Tenancy is row-level security's
-- job (V2); deleting an organization deletes its inbox rows itself (OrganizationStore.delete);
-- nothing deletes an integration on its own. Code that ever does must delete its inbox rows too.
/* [jooq ignore start] */
alter table webhook_inbox drop constraint webhook_inbox_organization_id_fkey;
alter table webhook_inbox drop constraint webhook_inbox_integration_id_fkey;
/* [jooq ignore stop] */

-- Superseded by webhook_inbox_due_idx (V4), which the claim reads; one index fewer to maintain
-- on every insert and status change.
drop index webhook_inbox_pending_idx;
