package io.scoreline.pipeline.people;

/**
 * A change of a team's parent, a person's team or a person's manager: to another one, or to none
 * (top level, no team, no manager).
 */
public sealed interface Assignment<T> {

    record To<T>(T target) implements Assignment<T> {}

    record None<T>() implements Assignment<T> {}

    static <T> Assignment<T> to(T target) {
        return new To<>(target);
    }

    static <T> Assignment<T> none() {
        return new None<>();
    }
}
