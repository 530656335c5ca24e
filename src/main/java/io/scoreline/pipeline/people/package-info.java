/**
 * The people model (issue 21, ADR 0037): teams form a tree, a profile has a team, a manager, a
 * role, an active flag and a display name. {@link io.scoreline.pipeline.people.Teams} and
 * {@link io.scoreline.pipeline.people.Profiles} are the use cases the CLI (and later the API) call;
 * {@link io.scoreline.pipeline.people.TeamStore} and {@link io.scoreline.pipeline.people.ProfileStore}
 * hold the SQL.
 */
package io.scoreline.pipeline.people;
