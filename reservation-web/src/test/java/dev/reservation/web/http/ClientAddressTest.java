package dev.reservation.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
    @Test
    void ignoresForwardedForWithoutTrustedProxies() {
        assertThat(new ClientAddress(List.of()).resolve("192.0.2.1", "203.0.113.9")).isEqualTo("192.0.2.1");
    }

    @Test
    void takesTheRightMostUntrustedHopBehindTrustedProxies() {
        ClientAddress a = new ClientAddress(List.of("10.0.0.0/8", "127.0.0.1"));
        assertThat(a.resolve("127.0.0.1", "198.51.100.1, 203.0.113.9, 10.1.2.3")).isEqualTo("203.0.113.9");
        assertThat(a.resolve("10.9.9.9", "203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(a.resolve("192.0.2.1", "203.0.113.9")).as("from an untrusted peer").isEqualTo("192.0.2.1");
        assertThat(a.resolve("127.0.0.1", null)).isEqualTo("127.0.0.1");
    }

    @Test
    void matchesCidrRangesBitByBitForIpv4AndIpv6() {
        ClientAddress a = new ClientAddress(List.of("192.168.4.0/22", "2001:db8::/32"));
        assertThat(a.resolve("192.168.7.255", "1.2.3.4")).isEqualTo("1.2.3.4");
        assertThat(a.resolve("192.168.8.0", "1.2.3.4")).isEqualTo("192.168.8.0");
        assertThat(a.resolve("2001:db8:1::5", "1.2.3.4")).isEqualTo("1.2.3.4");
        assertThat(a.resolve("2001:db9::5", "1.2.3.4")).isEqualTo("2001:db9::5");
    }

    @Test
    void refusesWhatIsNotAnAddressWithoutLookingItUp() {
        assertThatThrownBy(() -> new ClientAddress(List.of("proxy.example.com"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ClientAddress(List.of("127.0.0.1")).resolve("127.0.0.1", "dead, beef")).isEqualTo("beef");
    }
}
