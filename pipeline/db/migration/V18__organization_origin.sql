-- Who created an organization (issue 18, ADR 0024): `scoreline demo` deletes and re-creates only
-- an organization it created itself, never a customer's organization that is also called 'demo'.
-- Organizations that exist before this migration count as the operator's, an earlier demo's
-- included: nothing here can tell them apart, so the demo refuses them and says what to do.
alter table organizations add column created_by varchar not null default 'operator';
alter table organizations add constraint organizations_created_by_check check (created_by in ('operator', 'demo'));

-- The names the CLI prints: at most 200 characters and no control characters (an ESC sequence
-- would reach the operator's terminal). The application checks first (NewOrganization); this is
-- the last line for any other writer. NOT VALID: enforced on every new or changed row without
-- failing an upgrade over a name that is already stored.
/* [jooq ignore start] */
alter table organizations add constraint organizations_name_printable
    check (char_length(name) between 1 and 200 and name !~ '[\u0001-\u001f\u007f-\u009f]') not valid;
/* [jooq ignore stop] */
