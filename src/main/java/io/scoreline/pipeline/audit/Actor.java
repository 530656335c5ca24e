package io.scoreline.pipeline.audit;

/** Who asks for a change: the operator at the command line, or the holder of an API key. */
public sealed interface Actor {

    /** The operator of the installation, through the CLI on the machine that holds the database. */
    Actor OPERATOR = new Operator();

    /** How {@code audit_log.actor} names it: never a key, only the key's id. */
    String auditName();

    record Operator() implements Actor {
        @Override
        public String auditName() {
            return "operator";
        }
    }

    /** @param keyId {@code api_keys.id} */
    record ApiKey(long keyId) implements Actor {
        @Override
        public String auditName() {
            return "api_key:" + keyId;
        }
    }
}
