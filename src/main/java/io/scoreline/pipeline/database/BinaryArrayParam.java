package io.scoreline.pipeline.database;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.DataType;
import org.jooq.Param;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Array query parameters that reach PostgreSQL in its binary array format. jOOQ binds an array
 * as one text literal ({@code '{"a","b"}'::varchar[]}): the Java side escapes every element into
 * it and the server's {@code array_in} scans it back, quote by quote. Set-based page writes send
 * thousands of elements per statement, JSON documents among them, so that round of escaping was
 * a tenth of the database's work in a backfill (ADR 0014). Handed to pgjdbc as a Java array
 * instead, the elements travel length-prefixed and are copied, not parsed.
 *
 * <p>Text arrays are encoded by {@link Utf8TextArray} into one buffer of the exact size, from
 * strings or from elements already in UTF-8 (ADR 0017); pgjdbc encodes bigints, integers and
 * booleans itself. Instants, dates and decimals are sent as numbers or strings, and the
 * statement turns each element back:
 * {@code timestamptz 'epoch' + x * interval '1 microsecond'} for {@link #epochMicros},
 * {@code date '1970-01-01' + x} for {@link #epochDays}, {@code x::numeric} for {@link #decimals}.
 */
public final class BinaryArrayParam {

    // Strings are encoded by Utf8TextArray, in one buffer of the exact size; pgjdbc encodes the rest.
    private static final DataType<String[]> VARCHARS =
            binary(SQLDataType.VARCHAR.array(), String[].class, "varchar[]", Utf8TextArray::of);
    private static final DataType<Long[]> BIGINTS =
            binary(SQLDataType.BIGINT.array(), Long[].class, "bigint[]", v -> v);
    private static final DataType<Integer[]> INTEGERS =
            binary(SQLDataType.INTEGER.array(), Integer[].class, "integer[]", v -> v);
    private static final DataType<Boolean[]> BOOLEANS =
            binary(SQLDataType.BOOLEAN.array(), Boolean[].class, "boolean[]", v -> v);
    private static final DataType<byte[][]> UTF8_TEXTS = SQLDataType.VARBINARY
            .array()
            .asConvertedDataType(
                    new BinaryBinding<>(byte[][].class, "varchar[]", BinaryArrayParam::inlineUtf8, Utf8TextArray::new));

    private BinaryArrayParam() {}

    public static Param<String[]> varchars(String[] values) {
        return DSL.val(values, VARCHARS);
    }

    /**
     * A {@code varchar[]} whose elements are already UTF-8 (JSON documents written straight to
     * bytes), so no element passes through a {@code String}; nulls stay null.
     */
    public static Param<byte[][]> utf8Texts(byte[][] values) {
        return DSL.val(values, UTF8_TEXTS);
    }

    public static Param<Long[]> bigints(Long[] values) {
        return DSL.val(values, BIGINTS);
    }

    public static Param<Integer[]> integers(Integer[] values) {
        return DSL.val(values, INTEGERS);
    }

    public static Param<Boolean[]> booleans(Boolean[] values) {
        return DSL.val(values, BOOLEANS);
    }

    /** Microseconds since the epoch, PostgreSQL's own resolution; nulls stay null. */
    public static Param<Long[]> epochMicros(Instant[] instants) {
        var micros = new Long[instants.length];
        for (int i = 0; i < instants.length; i++) {
            micros[i] = instants[i] == null ? null : ChronoUnit.MICROS.between(Instant.EPOCH, instants[i]);
        }
        return bigints(micros);
    }

    /** Days since 1970-01-01; nulls stay null. */
    public static Param<Integer[]> epochDays(LocalDate[] dates) {
        var days = new Integer[dates.length];
        for (int i = 0; i < dates.length; i++) {
            days[i] = dates[i] == null ? null : Math.toIntExact(dates[i].toEpochDay());
        }
        return integers(days);
    }

    /** Plain decimal strings (no exponent), exact; nulls stay null. */
    public static Param<String[]> decimals(BigDecimal[] values) {
        var strings = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            strings[i] = values[i] == null ? null : values[i].toPlainString();
        }
        return varchars(strings);
    }

    private static <T> DataType<T[]> binary(
            DataType<T[]> textual, Class<T[]> type, String sqlType, Function<T[], Object> parameter) {
        return textual.asConvertedDataType(
                new BinaryBinding<>(type, sqlType, value -> DSL.inline(value, textual), parameter));
    }

    private static Param<String[]> inlineUtf8(byte[][] values) {
        var strings = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            strings[i] = values[i] == null ? null : new String(values[i], StandardCharsets.UTF_8);
        }
        return DSL.inline(strings, SQLDataType.VARCHAR.array());
    }

    private static final class BinaryBinding<U> implements Binding<U, U> {

        private final Class<U> type;
        private final String sqlType;
        private final Function<U, Param<?>> inline;
        private final Function<U, Object> parameter;
        // jOOQ asks for the converter on every bind and fetch: one instance, not one per call.
        private final Converter<U, U> converter;

        /**
         * @param inline    the value as jOOQ renders it in a logged or inlined statement
         * @param parameter the object handed to pgjdbc, which sends it in the binary format
         */
        BinaryBinding(Class<U> type, String sqlType, Function<U, Param<?>> inline, Function<U, Object> parameter) {
            this.type = type;
            this.sqlType = sqlType;
            this.inline = inline;
            this.parameter = parameter;
            this.converter = Converter.ofNullable(type, type, v -> v, v -> v);
        }

        @Override
        public Converter<U, U> converter() {
            return converter;
        }

        @Override
        public void sql(BindingSQLContext<U> ctx) {
            if (ctx.render().paramType() == ParamType.INLINED) {
                ctx.render().visit(ctx.value() == null ? DSL.inline((Object) null) : inline.apply(ctx.value()));
            } else {
                ctx.render().sql("?::" + sqlType);
            }
        }

        @Override
        public void set(BindingSetStatementContext<U> ctx) throws SQLException {
            if (ctx.value() == null) {
                ctx.statement().setNull(ctx.index(), Types.ARRAY);
            } else {
                ctx.statement().setObject(ctx.index(), parameter.apply(ctx.value()));
            }
        }

        @Override
        public void register(BindingRegisterContext<U> ctx) throws SQLException {
            ctx.statement().registerOutParameter(ctx.index(), Types.ARRAY);
        }

        @Override
        public void get(BindingGetResultSetContext<U> ctx) throws SQLException {
            ctx.value(array(ctx.resultSet().getArray(ctx.index())));
        }

        @Override
        public void get(BindingGetStatementContext<U> ctx) throws SQLException {
            ctx.value(array(ctx.statement().getArray(ctx.index())));
        }

        @Override
        public void set(BindingSetSQLOutputContext<U> ctx) throws SQLException {
            throw new SQLFeatureNotSupportedException("arrays are not written to SQL output streams");
        }

        @Override
        public void get(BindingGetSQLInputContext<U> ctx) throws SQLException {
            throw new SQLFeatureNotSupportedException("arrays are not read from SQL input streams");
        }

        private U array(java.sql.Array array) throws SQLException {
            return array == null ? null : type.cast(array.getArray());
        }
    }
}
