package io.scoreline.pipeline.access;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The text of a key: {@code sl_} + an 8-character prefix (stored in clear, for look-up and for
 * people to tell keys apart) + {@code _} + a 43-character secret. Both are base62 drawn from
 * {@link SecureRandom}; the secret alone carries 43 × log2(62) ≈ 256 bits.
 *
 * @param prefix the 8 base62 characters after {@code sl_}
 */
public record ApiKeyText(String prefix, String text) {

    static final String MARK = "sl_";
    static final int PREFIX_LENGTH = 8;
    static final int SECRET_LENGTH = 43;
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Pattern SHAPE =
            Pattern.compile("sl_([0-9A-Za-z]{" + PREFIX_LENGTH + "})_[0-9A-Za-z]{" + SECRET_LENGTH + "}");

    static ApiKeyText generate(SecureRandom random) {
        var prefix = base62(random, PREFIX_LENGTH);
        return new ApiKeyText(prefix, MARK + prefix + "_" + base62(random, SECRET_LENGTH));
    }

    /** The key, if {@code candidate} has the shape of one; the shape check needs no database. */
    static Optional<ApiKeyText> parse(String candidate) {
        if (candidate == null || candidate.length() != MARK.length() + PREFIX_LENGTH + 1 + SECRET_LENGTH) {
            return Optional.empty();
        }
        var matcher = SHAPE.matcher(candidate);
        return matcher.matches() ? Optional.of(new ApiKeyText(matcher.group(1), candidate)) : Optional.empty();
    }

    /** How people see the key after it was shown once: {@code sl_} and the prefix. */
    public String shownPrefix() {
        return MARK + prefix;
    }

    private static String base62(SecureRandom random, int length) {
        var chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = BASE62.charAt(random.nextInt(BASE62.length()));
        }
        return new String(chars);
    }

    @Override
    public String toString() {
        return "ApiKeyText[" + shownPrefix() + "_***]";
    }
}
