package io.scoreline.pipeline.access;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.scoreline.pipeline.secrets.MasterKey;
import io.scoreline.pipeline.secrets.MasterKeyHolder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeyHasherTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void aKeyMatchesItsOwnHashOnlyAndOnlyUnderItsMasterKey() {
        var hasher = new ApiKeyHasher(holder("first-master-key-0123456789"));
        var key = ApiKeyText.generate(RANDOM);
        var hash = hasher.hash(key);
        assertThat(hash).matches("[0-9a-f]{64}").doesNotContain(key.text());
        assertThat(hasher.matches(key, hash)).isTrue();

        // Same prefix, one secret character changed: refused.
        var text = key.text();
        var last = text.charAt(text.length() - 1) == 'a' ? 'b' : 'a';
        var forged =
                ApiKeyText.parse(text.substring(0, text.length() - 1) + last).orElseThrow();
        assertThat(forged.prefix()).isEqualTo(key.prefix());
        assertThat(hasher.matches(forged, hash)).isFalse();
        assertThat(hasher.matches(key, "not hex")).isFalse();

        // After a master key rotation the stored hashes no longer verify (ADR 0036).
        var rotated = new ApiKeyHasher(holder("second-master-key-0123456789"));
        assertThat(rotated.matches(key, hash)).isFalse();
    }

    @Test
    void keysCarryAtLeast256RandomBitsAndParseOnlyInTheirShape() {
        var key = ApiKeyText.generate(RANDOM);
        assertThat(key.text()).matches("sl_[0-9A-Za-z]{8}_[0-9A-Za-z]{43}");
        assertThat(ApiKeyText.SECRET_LENGTH * Math.log(62) / Math.log(2)).isGreaterThanOrEqualTo(256);
        assertThat(ApiKeyText.parse(key.text())).contains(key);
        assertThat(ApiKeyText.generate(RANDOM)).isNotEqualTo(key);
        assertThat(ApiKeyText.parse("sl_short")).isEmpty();
        assertThat(ApiKeyText.parse(key.text() + "x")).isEmpty();
        assertThat(ApiKeyText.parse(key.text().replace("sl_", "xx_"))).isEmpty();
        assertThat(key.toString()).doesNotContain(key.text().substring(12));
    }

    @Test
    void theHashIsComparedInConstantTime() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.scoreline.pipeline.access");
        var hasher = classes.get(ApiKeyHasher.class);
        assertThat(hasher.getMethodCallsFromSelf())
                .as("ApiKeyHasher compares with MessageDigest.isEqual")
                .anyMatch(call -> call.getTargetOwner().isEquivalentTo(MessageDigest.class)
                        && call.getName().equals("isEqual"));
        noClasses()
                .should()
                .callMethod(Arrays.class, "equals", byte[].class, byte[].class)
                .because("a comparison that stops at the first difference leaks the hash by timing")
                .check(classes);
    }

    @Test
    void theRateLimiterGrantsABurstThenTheRateAndSaysHowLongToWait() {
        var clock = new MutableClock(Instant.parse("2026-12-07T12:00:00Z"));
        var limiter = new KeyRateLimiter(2, 3, clock);
        assertThat(limiter.acquire(1)).isEmpty();
        assertThat(limiter.acquire(1)).isEmpty();
        assertThat(limiter.acquire(1)).isEmpty();
        assertThat(limiter.acquire(1)).contains(Duration.ofSeconds(1));
        // Another key has its own bucket.
        assertThat(limiter.acquire(2)).isEmpty();
        clock.advance(Duration.ofMillis(500));
        assertThat(limiter.acquire(1)).isEmpty();
        assertThat(limiter.acquire(1)).isPresent();
    }

    @Test
    void scopesNest() {
        assertThat(Scope.ADMIN.covers(Scope.WRITE)).isTrue();
        assertThat(Scope.WRITE.covers(Scope.READ)).isTrue();
        assertThat(Scope.READ.covers(Scope.WRITE)).isFalse();
        assertThat(Scope.WRITE.granted()).containsExactly("read", "write");
    }

    private static MasterKeyHolder holder(String value) {
        return new MasterKeyHolder() {
            @Override
            public MasterKey current() {
                return new MasterKey(value);
            }

            @Override
            public Optional<Path> replace(MasterKey next) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
