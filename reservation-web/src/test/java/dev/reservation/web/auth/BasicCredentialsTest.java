package dev.reservation.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.web.support.Http;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {
    @Test
    void splitsAtTheFirstColonSoPasswordsMayContainColons() {
        BasicCredentials c = BasicCredentials.parse(Http.basic("grace@example.com", "a:b:c-123")).orElseThrow();

        assertThat(c.email()).isEqualTo("grace@example.com");
        assertThat(new String(c.password())).isEqualTo("a:b:c-123");
        assertThat(c.toString()).doesNotContain("a:b:c-123");
        c.wipe();
        assertThat(c.password()).containsOnly('\0');
    }

    @Test
    void readsUtf8AndAnyCaseOfTheScheme() {
        String header = "basic " + Base64.getEncoder().encodeToString("jürgen@example.com:pässwört-1"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));

        BasicCredentials c = BasicCredentials.parse(header).orElseThrow();

        assertThat(c.email()).isEqualTo("jürgen@example.com");
        assertThat(new String(c.password())).isEqualTo("pässwört-1");
    }

    @Test
    void refusesWhatIsNotWellFormedBasic() {
        assertThat(BasicCredentials.parse(null)).isEmpty();
        assertThat(BasicCredentials.parse("Bearer x")).isEmpty();
        assertThat(BasicCredentials.parse("Basic ***")).isEmpty();
        assertThat(BasicCredentials.parse("Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes())))
                .isEmpty();
        assertThat(BasicCredentials.parse("Basic " + Base64.getEncoder().encodeToString(":pw-only".getBytes())))
                .isEmpty();
        assertThat(BasicCredentials.parse("Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xC3,
                0x28, ':', 'x'}))).as("not UTF-8").isEmpty();
        assertThat(BasicCredentials.parse("Basic " + "QUFB".repeat(300))).as("too long").isEmpty();
    }
}
