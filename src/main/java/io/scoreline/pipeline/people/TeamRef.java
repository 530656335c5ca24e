package io.scoreline.pipeline.people;

/**
 * How a request names a team: by name (the CLI's {@code --team}, {@code --parent}) or by id (the
 * API's {@code teamId}, {@code parent_id}, {@code team_id}). Either is resolved inside the
 * organization's own transaction, so an id of another organization is simply not there.
 */
public sealed interface TeamRef {

    /** How the CLI's words name it in a message: {@code 'EMEA'} or {@code with id 12}. */
    String described();

    record Named(String name) implements TeamRef {
        public Named {
            name = name == null ? "" : name.strip();
        }

        @Override
        public String described() {
            return "'" + name + "'";
        }
    }

    record Id(long id) implements TeamRef {
        @Override
        public String described() {
            return "with id " + id;
        }
    }
}
