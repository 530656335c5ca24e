package io.scoreline.mappings.ast;

/** The comparison operators, with the spelling used in canonical text and SOQL. */
public enum ComparisonOperator {
    EQ("="),
    NE("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">=");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** The operator that holds exactly when this one does not (for two non-null values). */
    public ComparisonOperator negate() {
        return switch (this) {
            case EQ -> NE;
            case NE -> EQ;
            case LT -> GE;
            case LE -> GT;
            case GT -> LE;
            case GE -> LT;
        };
    }
}
