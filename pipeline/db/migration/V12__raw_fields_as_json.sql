-- `crm_records.fields` keeps the JSON text it arrived as (ADR 0018). As jsonb, every stored
-- record was parsed into jsonb's binary tree on the way in (the parse copies every key and string)
-- and printed back to text on the way out, for a column nothing reads inside: Scoreline reads the
-- whole document, in Java. `json` validates the document and stores it as it came; an operator can
-- still query it with ->> and the other json operators.
alter table crm_records alter column fields set data type json;
