package io.scoreline.sim.salesforce.soql;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A value written in a SOQL statement. */
public sealed interface Literal {

    record Text(String value) implements Literal {}

    @SuppressWarnings("AvoidCommonTypeNames") // SOQL's own name for the literal; always used as Literal.Number
    record Number(BigDecimal value) implements Literal {}

    record Bool(boolean value) implements Literal {}

    record Null() implements Literal {}

    record Date(LocalDate value) implements Literal {}

    record DateTime(Instant value) implements Literal {}

    /** A relative date such as {@code TODAY} or {@code LAST_N_DAYS:7}; {@code n} is 0 when not used. */
    record RelativeDate(String name, int n) implements Literal {}
}
