package io.scoreline.pipeline.sync;

import java.time.Instant;
import java.util.List;

/**
 * What a formula refresh of one integration reads, for its dry run: the objects whose rules read
 * formula fields, how many records of each were modified in the window, and the API calls the
 * refresh spends (reading the account's catalog included).
 *
 * @param catalogCalls the calls spent to learn which fields are formulas
 */
public record FormulaRefreshPlan(
        long integrationId, Instant from, Instant until, List<ObjectRefresh> objects, long catalogCalls) {

    public FormulaRefreshPlan {
        objects = List.copyOf(objects);
    }

    /** One object to re-read: the formula fields its rules read, its records in the window, the calls to read them. */
    public record ObjectRefresh(String objectType, List<String> formulaFields, long records, long apiCalls) {

        public ObjectRefresh {
            formulaFields = List.copyOf(formulaFields);
        }
    }

    public long records() {
        return objects.stream().mapToLong(ObjectRefresh::records).sum();
    }

    /** Calls of a refresh run; the dry run itself spent {@link #catalogCalls()} plus one count per object. */
    public long apiCalls() {
        return catalogCalls
                + objects.stream().mapToLong(ObjectRefresh::apiCalls).sum();
    }
}
