-- One CRM account (HubSpot portal, Salesforce org) is held by at most one integration that is
-- not paused, across all organizations (ADR 0021), so that webhooks for an account can only go to
-- the tenant that holds it. An operator may let several integrations share an account on purpose
-- (`integration add --allow-shared-account`); those rows are left out of the rule.
alter table integrations add column account_shared boolean not null default false;

/* [jooq ignore start] */

-- Installations that connected one account twice keep the oldest connection; the later ones are
-- paused, and resuming them names --allow-shared-account as the way to share on purpose.
update integrations i set status = 'paused', updated_at = now()
  from (select id, row_number() over (
                   partition by provider,
                                case when provider = 'salesforce' then left(external_account_id, 15) else external_account_id end
                   order by id) as rank
          from integrations
         where status <> 'paused' and not account_shared and external_account_id is not null) ranked
 where i.id = ranked.id and ranked.rank > 1;

-- The runtime role sees only its own organization's rows (V2), so a look-up before the insert
-- could not find another tenant's holder; the index sees every row. Salesforce org ids come in a
-- 15- and an 18-character form (the 18 adds a checksum), so they are compared by the first 15.
-- Paused integrations hold nothing: pausing is how an account is handed to another integration.
create unique index integrations_account_holder_idx on integrations (
        provider, (case when provider = 'salesforce' then left(external_account_id, 15) else external_account_id end))
    where status <> 'paused' and not account_shared and external_account_id is not null;

/* [jooq ignore stop] */
