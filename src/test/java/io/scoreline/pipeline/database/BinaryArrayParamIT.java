package io.scoreline.pipeline.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.testing.TestPostgres;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Oid;

/**
 * Every element comes back from the server exactly as sent, through the runtime pool's own
 * connections, including the elements a hand-built array literal gets wrong: quotes, backslashes,
 * braces, commas, the word NULL, empty strings, real nulls.
 */
class BinaryArrayParamIT {

    private static DatabaseRuntime database;

    @BeforeAll
    static void start() {
        database = TestPostgres.freshRuntime();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void stringsArriveUnchanged() {
        var sent = new String[] {
            "plain",
            "",
            null,
            "NULL",
            "with \"quotes\" and \\ backslash",
            "{braces,commas}",
            "{\"Subject\":\"Call \\\"Acme\\\"\",\"Amount\":12.5}",
            "ünïcødé ✓",
            " leading and trailing "
        };
        var received = database.dsl()
                .resultQuery(
                        "select x from unnest({0}) with ordinality as t(x, n) order by n",
                        BinaryArrayParam.varchars(sent))
                .fetch(0, String.class);
        assertThat(received).containsExactly(sent);
    }

    @Test
    void numbersAndBooleansArriveUnchanged() {
        var longs = new Long[] {Long.MIN_VALUE, -1L, 0L, null, Long.MAX_VALUE};
        var ints = new Integer[] {Integer.MIN_VALUE, null, 7};
        var flags = new Boolean[] {true, null, false};
        assertThat(database.dsl()
                        .resultQuery("select unnest({0})", BinaryArrayParam.bigints(longs))
                        .fetch(0, Long.class))
                .containsExactly(longs);
        assertThat(database.dsl()
                        .resultQuery("select unnest({0})", BinaryArrayParam.integers(ints))
                        .fetch(0, Integer.class))
                .containsExactly(ints);
        assertThat(database.dsl()
                        .resultQuery("select unnest({0})", BinaryArrayParam.booleans(flags))
                        .fetch(0, Boolean.class))
                .containsExactly(flags);
    }

    @Test
    void instantsDatesAndDecimalsTurnBackIntoTheirTypes() {
        var instants = new Instant[] {
            Instant.parse("2026-03-01T09:30:15.123456Z"), null, Instant.parse("1969-12-31T23:59:59.999Z"), Instant.EPOCH
        };
        var received = database.dsl()
                .resultQuery("""
                        select timestamptz 'epoch' + x * interval '1 microsecond'
                          from unnest({0}) with ordinality as t(x, n) order by n""", BinaryArrayParam.epochMicros(instants))
                .fetch(0, OffsetDateTime.class);
        assertThat(received.stream().map(t -> t == null ? null : t.toInstant()).toList())
                .containsExactly(instants);

        var dates = new LocalDate[] {LocalDate.of(2026, 2, 28), null, LocalDate.of(1950, 1, 1)};
        assertThat(database.dsl()
                        .resultQuery("""
                        select date '1970-01-01' + x from unnest({0}) with ordinality as t(x, n) order by n""", BinaryArrayParam.epochDays(dates))
                        .fetch(0, LocalDate.class))
                .containsExactly(dates);

        var amounts = new BigDecimal[] {
            new BigDecimal("12345678901234.123456"), new BigDecimal("-0.5"), new BigDecimal("1E+3"), null
        };
        var back = database.dsl()
                .resultQuery("""
                        select x::numeric from unnest({0}) with ordinality as t(x, n) order by n""", BinaryArrayParam.decimals(amounts))
                .fetch(0, BigDecimal.class);
        assertThat(back)
                .usingElementComparator((a, b) -> a == null || b == null ? (a == b ? 0 : 1) : a.compareTo(b))
                .containsExactly(amounts);
    }

    @Test
    void aRenderedStatementShowsTheValuesInline() {
        var sql = database.dsl()
                .renderContext()
                .paramType(ParamType.INLINED)
                .render(DSL.field(
                        "cardinality({0})", Integer.class, BinaryArrayParam.varchars(new String[] {"a", "b"})));
        assertThat(sql).contains("'{\"a\",\"b\"}'").doesNotContain("?");
        var bound = database.dsl()
                .render(DSL.field("cardinality({0})", Integer.class, BinaryArrayParam.bigints(new Long[] {1L})));
        assertThat(bound).contains("?::bigint[]");
    }

    @Test
    void utf8ElementsArriveAsTheStringsTheyEncode() {
        var strings =
                new String[] {"{\"Subject\":\"Call \\\"Acme\\\"\",\"Amount\":12.5}", null, "", "ünïcødé ✓ 😀", "NULL"};
        var bytes = new byte[strings.length][];
        for (int i = 0; i < strings.length; i++) {
            bytes[i] = strings[i] == null ? null : strings[i].getBytes(StandardCharsets.UTF_8);
        }
        assertThat(database.dsl()
                        .resultQuery(
                                "select x from unnest({0}) with ordinality as t(x, n) order by n",
                                BinaryArrayParam.utf8Texts(bytes))
                        .fetch(0, String.class))
                .containsExactly(strings);
        assertThat(database.dsl()
                        .resultQuery("select cardinality({0})", BinaryArrayParam.utf8Texts(new byte[0][]))
                        .fetchOne(0, Integer.class))
                .isZero();
        var inlined = database.dsl()
                .renderContext()
                .paramType(ParamType.INLINED)
                .render(DSL.field(
                        "cardinality({0})",
                        Integer.class,
                        BinaryArrayParam.utf8Texts(new byte[][] {"ü".getBytes(StandardCharsets.UTF_8)})));
        assertThat(inlined).contains("'{\"ü\"}'");
    }

    /** The binary encoding is only used when pgjdbc sends varchar[] in binary; the text literal is the fallback. */
    @Test
    void theRuntimeSendsTextArraysInBinaryAndTheTextFormIsTheSameArray() throws Exception {
        try (var connection = database.dataSource().getConnection()) {
            // BaseConnection is pgjdbc's internal view of a connection: the only place this setting shows.
            assertThat(connection.unwrap(BaseConnection.class).binaryTransferSend(Oid.VARCHAR_ARRAY))
                    .isTrue();
            var literal =
                    Utf8TextArray.of(new String[] {"a\"b", null, "c\\d", ""}).getValue();
            try (var statement = connection.prepareStatement("select cast(? as varchar[])::text")) {
                statement.setString(1, literal);
                try (var result = statement.executeQuery()) {
                    result.next();
                    assertThat(result.getString(1)).isEqualTo("{\"a\\\"b\",NULL,\"c\\\\d\",\"\"}");
                }
            }
        }
    }
}
