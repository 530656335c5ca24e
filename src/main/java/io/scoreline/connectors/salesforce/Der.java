package io.scoreline.connectors.salesforce;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The few ASN.1 DER encodings the JWT keystore needs (a self-signed certificate, a PKCS#1 key
 * wrapped as PKCS#8); the JDK has no public encoder and no library here provides one.
 */
final class Der {

    private Der() {}

    static byte[] sequence(byte[]... parts) {
        return tagged(0x30, concat(parts));
    }

    static byte[] set(byte[]... parts) {
        return tagged(0x31, concat(parts));
    }

    static byte[] integer(BigInteger value) {
        return tagged(0x02, value.toByteArray());
    }

    static byte[] nullValue() {
        return new byte[] {0x05, 0x00};
    }

    static byte[] octetString(byte[] value) {
        return tagged(0x04, value);
    }

    static byte[] bitString(byte[] value) {
        return tagged(0x03, concat(new byte[] {0}, value));
    }

    static byte[] utf8String(String value) {
        return tagged(0x0c, value.getBytes(StandardCharsets.UTF_8));
    }

    /** GeneralizedTime, valid for every year (UTCTime stops at 2049). */
    static byte[] generalizedTime(String yyyyMMddHHmmssZ) {
        return tagged(0x18, yyyyMMddHHmmssZ.getBytes(StandardCharsets.US_ASCII));
    }

    /** An explicit context-specific tag, e.g. [0] around the certificate version. */
    static byte[] explicit(int number, byte[] content) {
        return tagged(0xa0 | number, content);
    }

    static byte[] oid(int... arcs) {
        var out = new ByteArrayOutputStream();
        out.write(arcs[0] * 40 + arcs[1]);
        for (int i = 2; i < arcs.length; i++) {
            int arc = arcs[i];
            var bytes = new java.util.ArrayDeque<Integer>();
            bytes.push(arc & 0x7f);
            while ((arc >>>= 7) != 0) {
                bytes.push((arc & 0x7f) | 0x80);
            }
            bytes.forEach(out::write);
        }
        return tagged(0x06, out.toByteArray());
    }

    static byte[] tagged(int tag, byte[] content) {
        var out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (var part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
