package io.scoreline.app.console.hub;

import io.scoreline.app.console.ConsoleVisit;
import io.scoreline.pipeline.access.Scope;

/**
 * What the session's key may do, so that a page shows only the forms it can use; the routes still
 * declare their own role, which is what is enforced.
 */
public record Powers(boolean write, boolean admin) {

    static Powers of(ConsoleVisit visit) {
        var scope = visit.caller().scope();
        return new Powers(scope.covers(Scope.WRITE), scope.covers(Scope.ADMIN));
    }
}
