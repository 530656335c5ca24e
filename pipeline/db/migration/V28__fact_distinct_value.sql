-- Distinct counts (issue 23, ADR 0042): a rule marked `distinct: <field>` stores that field's value
-- on each of its facts, so a derived KPI can count the distinct values (accounts called) across a
-- window and a group of people. Null for every rule without the field.
alter table kpi_facts add column distinct_value varchar;

-- Distinct counts read one KPI of an organization for some people over a window of days (kpi show,
-- a team, a contest) or one person's whole history (the badge evaluator). Partial: only
-- facts that carry a value are indexed, so the write path of rules without `distinct:` pays
-- nothing (ADR 0009 dropped kpi_facts' other secondary indexes for that reason).
/* [jooq ignore start] */
create index kpi_facts_distinct_idx on kpi_facts (organization_id, kpi_key, profile_id, local_date)
    include (distinct_value) where distinct_value is not null;
/* [jooq ignore stop] */
