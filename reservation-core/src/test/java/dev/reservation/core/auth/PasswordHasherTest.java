package dev.reservation.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reservation.core.domain.InvalidInputException;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(1_000, new SecureRandom());

    @Test
    void verifiesTheRightPasswordAndRejectsAWrongOne() {
        PasswordHash hash = hasher.hash("correct horse".toCharArray());
        assertThat(hasher.verify("correct horse".toCharArray(), hash)).isTrue();
        assertThat(hasher.verify("correct hors".toCharArray(), hash)).isFalse();
        assertThat(hasher.verify(new char[0], hash)).isFalse();
    }

    @Test
    void saltsEveryHashSoEqualPasswordsHashDifferently() {
        PasswordHash a = hasher.hash("same password".toCharArray());
        PasswordHash b = hasher.hash("same password".toCharArray());
        assertThat(a).isNotEqualTo(b);
        assertThat(a.encode()).isNotEqualTo(b.encode());
    }

    @Test
    void encodedFormRoundTripsAndNamesAlgorithmAndWorkFactor() {
        PasswordHash hash = hasher.hash("round trip!".toCharArray());
        assertThat(hash.encode()).startsWith("pbkdf2-sha256$1000$");
        PasswordHash parsed = PasswordHash.parse(hash.encode());
        assertThat(parsed).isEqualTo(hash);
        assertThat(hasher.verify("round trip!".toCharArray(), parsed)).isTrue();
    }

    @Test
    void neverShowsTheHashOrThePasswordInToString() {
        PasswordHash hash = hasher.hash("secret-password".toCharArray());
        assertThat(hash.toString()).doesNotContain(hash.encode().split("\\$")[3]).doesNotContain("secret");
    }

    @Test
    void rejectsShortPasswordsAndMalformedHashes() {
        assertThatThrownBy(() -> hasher.hash("short".toCharArray())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least 8");
        assertThatThrownBy(() -> PasswordHash.parse("md5$1$abc$def")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256$x$abc$def")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void asksForARehashWhenTheWorkFactorGrew() {
        PasswordHash old = hasher.hash("password123".toCharArray());
        assertThat(new PasswordHasher(2_000, new SecureRandom()).needsRehash(old)).isTrue();
        assertThat(hasher.needsRehash(old)).isFalse();
    }
}
