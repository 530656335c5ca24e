package io.scoreline.mappings.ast;

import java.util.LinkedHashSet;
import java.util.Set;

/** The fields an expression reads, in order of first use (for projection and warnings). */
public final class FieldRefs {

    private FieldRefs() {}

    public static Set<String> of(Condition condition) {
        var paths = new LinkedHashSet<String>();
        collect(condition, paths);
        return paths;
    }

    public static Set<String> of(Operand operand) {
        var paths = new LinkedHashSet<String>();
        collect(operand, paths);
        return paths;
    }

    private static void collect(Condition condition, Set<String> paths) {
        switch (condition) {
            case Condition.And and -> and.terms().forEach(t -> collect(t, paths));
            case Condition.Or or -> or.terms().forEach(t -> collect(t, paths));
            case Condition.Not not -> collect(not.term(), paths);
            case Condition.Comparison c -> {
                collect(c.left(), paths);
                collect(c.right(), paths);
            }
            case Condition.InList in -> collect(in.operand(), paths);
            case Condition.Like like -> collect(like.operand(), paths);
            case Condition.NullCheck check -> collect(check.operand(), paths);
            case Condition.BooleanField field -> paths.add(field.field().path());
        }
    }

    private static void collect(Operand operand, Set<String> paths) {
        switch (operand) {
            case Operand.FieldRef field -> paths.add(field.path());
            case Operand.Arithmetic a -> {
                collect(a.left(), paths);
                collect(a.right(), paths);
            }
            case Operand.Negation n -> collect(n.operand(), paths);
            case Operand.FunctionCall call -> call.arguments().forEach(a -> collect(a, paths));
            case Operand.Literal literal -> {}
        }
    }
}
