-- Which fields each stored record was read with (issue 20, ADR 0034). A rule change can start to
-- read a field the stored records were never read with; `remap` must re-read those records
-- instead of deriving facts from a field that is not there. The sets are few (one per rule-set
-- version and object, in practice), so a record points at a deduplicated set by id: a bigint per
-- row on the write path, not a text array per record (ADR 0018).
create table crm_field_sets (
    id              bigint generated always as identity primary key,
    organization_id bigint  not null references organizations (id) on delete cascade,
    integration_id  bigint  not null references integrations (id) on delete cascade,
    object_type     varchar not null,
    -- Sorted, in the spelling they were read with; rules name fields ignoring case.
    fields          varchar array not null,
    constraint crm_field_sets_key unique (integration_id, object_type, fields)
);

-- Null only for a row stored before this migration whose set could not be derived (none: see below).
alter table crm_records add column field_set_id bigint references crm_field_sets (id);

/* [jooq ignore start] */
-- The runtime role's rights on the new table are granted here (V20: nothing by default). Sets
-- are added, never changed or removed by the runtime; they go with their integration.
grant select, insert on crm_field_sets to ${app_role};
alter table crm_field_sets enable row level security;
create policy crm_field_sets_tenant on crm_field_sets
    using (organization_id = (select scoreline_current_org()))
    with check (organization_id = (select scoreline_current_org()));

-- Records stored before: the fields they were read with are the keys their JSON holds (a
-- projection returns every field it asked for, null or not). One pass over crm_records to collect
-- the distinct sets, one to point each row at its set.
insert into crm_field_sets (organization_id, integration_id, object_type, fields)
select distinct r.organization_id, r.integration_id, r.object_type,
       coalesce((select array_agg(k order by k collate "C") from json_object_keys(r.fields) k), '{}')::varchar[]
  from crm_records r;

update crm_records r
   set field_set_id = s.id
  from crm_field_sets s
 where s.integration_id = r.integration_id
   and s.object_type = r.object_type
   and s.fields = coalesce((select array_agg(k order by k collate "C") from json_object_keys(r.fields) k), '{}')::varchar[];
/* [jooq ignore stop] */
