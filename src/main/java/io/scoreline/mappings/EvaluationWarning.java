package io.scoreline.mappings;

/** Why a record that matched a rule produced no fact (null value, division by zero, no date). */
public record EvaluationWarning(String kpi, String objectType, String recordId, String message) {

    /** One line for logs and the CLI's stderr. */
    public String format() {
        return objectType + " " + recordId + ": KPI " + kpi + ": " + message;
    }
}
