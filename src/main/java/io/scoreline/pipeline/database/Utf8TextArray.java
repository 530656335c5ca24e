package io.scoreline.pipeline.database;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import org.postgresql.util.PGBinaryObject;
import org.postgresql.util.PGobject;

/**
 * A {@code varchar[]} parameter whose elements are already UTF-8 bytes, written into PostgreSQL's
 * binary array format in one buffer of the exact size. pgjdbc's own encoder for a {@code String[]}
 * grows a stream buffer element by element and copies it out again; for the JSON documents of a
 * page of records that was the largest single source of garbage in a backfill (ADR 0017).
 *
 * <p>pgjdbc sends it in binary whenever binary transfer is on for {@code varchar[]} (its default);
 * otherwise it asks for {@link #getValue()}, the same array as a text literal.
 */
final class Utf8TextArray extends PGobject implements PGBinaryObject {

    private static final int VARCHAR_OID = 1043;
    private static final int HEADER_BYTES = 12;
    private static final int DIMENSION_BYTES = 8;

    private final byte[][] elements;
    private final int length;
    private final boolean hasNull;

    /** @param elements UTF-8 bytes of each element, {@code null} for SQL NULL; not copied */
    Utf8TextArray(byte[][] elements) {
        this.elements = elements;
        int bytes = HEADER_BYTES + (elements.length == 0 ? 0 : DIMENSION_BYTES);
        boolean nulls = false;
        for (var element : elements) {
            bytes += Integer.BYTES + (element == null ? 0 : element.length);
            nulls |= element == null;
        }
        this.length = bytes;
        this.hasNull = nulls;
        this.type = "_varchar";
    }

    static Utf8TextArray of(String[] values) {
        var elements = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            elements[i] = values[i] == null ? null : values[i].getBytes(StandardCharsets.UTF_8);
        }
        return new Utf8TextArray(elements);
    }

    @Override
    public int lengthInBytes() {
        return length;
    }

    @Override
    public void toBytes(byte[] bytes, int offset) {
        int at = offset;
        at = putInt(bytes, at, elements.length == 0 ? 0 : 1);
        at = putInt(bytes, at, hasNull ? 1 : 0);
        at = putInt(bytes, at, VARCHAR_OID);
        if (elements.length == 0) {
            return;
        }
        at = putInt(bytes, at, elements.length);
        at = putInt(bytes, at, 1);
        for (var element : elements) {
            if (element == null) {
                at = putInt(bytes, at, -1);
            } else {
                at = putInt(bytes, at, element.length);
                System.arraycopy(element, 0, bytes, at, element.length);
                at += element.length;
            }
        }
    }

    /** Only ever sent, never read back as this type. */
    @Override
    public void setByteValue(byte[] value, int offset) throws SQLException {
        throw new SQLFeatureNotSupportedException("a varchar[] parameter is not read back from binary");
    }

    /** The text literal, {@code {"a","b",NULL}}, for a connection that does not send arrays in binary. */
    @Override
    public String getValue() {
        var literal = new StringBuilder(length + 2 * elements.length).append('{');
        for (int i = 0; i < elements.length; i++) {
            if (i > 0) {
                literal.append(',');
            }
            if (elements[i] == null) {
                literal.append("NULL");
                continue;
            }
            literal.append('"');
            for (char c : new String(elements[i], StandardCharsets.UTF_8).toCharArray()) {
                if (c == '"' || c == '\\') {
                    literal.append('\\');
                }
                literal.append(c);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
    }

    @Override
    public boolean isNull() {
        return false;
    }

    private static int putInt(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
        return at + Integer.BYTES;
    }
}
