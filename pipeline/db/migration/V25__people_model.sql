-- The people model (issue 21, ADR 0037): teams form a tree, a profile has a manager. Team names
-- stay unique per organization (teams_name_key of V1), so a name alone says which team is meant
-- on the command line and in the API, wherever the team sits in the tree.
alter table teams add column parent_id bigint;
alter table profiles add column manager_id bigint;

create index teams_parent_idx on teams (parent_id);
create index profiles_team_idx on profiles (team_id);
create index profiles_manager_idx on profiles (manager_id);

/* [jooq ignore start] */
-- Composite keys: a parent team and a manager are always of the same organization. A foreign key
-- check ignores row-level security, so a single-column key would let a hostile writer hang a team
-- under another organization's team. The application refuses cycles (PeopleDirectory); the
-- checks below are the last line for any other writer.
alter table teams add constraint teams_organization_id_key unique (organization_id, id);
alter table profiles add constraint profiles_organization_id_key unique (organization_id, id);
-- A team with sub-teams cannot be deleted (restrict); the application says so first.
alter table teams add constraint teams_parent_fkey foreign key (organization_id, parent_id)
    references teams (organization_id, id) on delete restrict;
alter table teams add constraint teams_not_own_parent check (parent_id is distinct from id);
-- A manager who is deleted leaves their reports without a manager, not without a profile.
alter table profiles add constraint profiles_manager_fkey foreign key (organization_id, manager_id)
    references profiles (organization_id, id) on delete set null (manager_id);
alter table profiles add constraint profiles_not_own_manager check (manager_id is distinct from id);
-- Team names are printed by the CLI: no control characters (an ESC sequence would reach the
-- operator's terminal). NOT VALID: names already stored do not fail the upgrade.
alter table teams add constraint teams_name_printable
    check (char_length(name) between 1 and 200 and name !~ '[\u0001-\u001f\u007f-\u009f]') not valid;
/* [jooq ignore stop] */
