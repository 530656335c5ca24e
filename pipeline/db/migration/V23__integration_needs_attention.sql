-- Issue 20: an integration whose rules read a field or object the CRM no longer has stops with
-- status needs_attention (its scheduled attempts keep re-checking); the nightly formula-field
-- refresh records its runs with their own trigger.
alter table integrations drop constraint integrations_status_check;
alter table integrations add constraint integrations_status_check
    check (status in ('active', 'paused', 'needs_reauth', 'needs_attention'));

alter table sync_runs drop constraint sync_runs_trigger_check;
alter table sync_runs add constraint sync_runs_trigger_check
    check (trigger in ('schedule', 'manual', 'backfill', 'webhook', 'remap', 'formula_refresh'));
