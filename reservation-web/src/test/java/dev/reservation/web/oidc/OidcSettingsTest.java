package dev.reservation.web.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.oauth2.sdk.auth.Secret;
import dev.reservation.core.domain.Role;
import java.net.URI;
import org.junit.jupiter.api.Test;

class OidcSettingsTest {
    private static OidcSettings of(String issuer, String secret, String roleClaim, String adminValue, String publicUrl) {
        return new OidcSettings(URI.create(issuer), "rooms", secret == null ? null : new Secret(secret), null,
                Role.MEMBER, roleClaim, adminValue, publicUrl == null ? null : URI.create(publicUrl));
    }

    @Test
    void namesTheProviderAfterTheIssuersHostUnlessToldAndHidesTheSecret() {
        OidcSettings s = of("https://login.example.com/realms/staff", "very-secret", null, null, null);

        assertThat(s.providerName()).isEqualTo("login.example.com");
        assertThat(s.toString()).doesNotContain("very-secret").contains("(hidden)");
    }

    @Test
    void needsHttpsExceptOnThisMachine() {
        assertThatThrownBy(() -> of("http://login.example.com", "s", null, null, null))
                .hasMessageContaining("must use https");
        assertThat(of("http://localhost:8081/staff", "s", null, null, null).issuer().getPort()).isEqualTo(8081);
        assertThat(of("http://127.0.0.1:8081/staff", "s", null, null, null)).isNotNull();
        assertThatThrownBy(() -> of("https://login.example.com?x=1", "s", null, null, null))
                .hasMessageContaining("query");
        assertThatThrownBy(() -> of("/relative", "s", null, null, null)).hasMessageContaining("absolute URL");
    }

    @Test
    void needsTheSecretFromTheEnvironment() {
        assertThatThrownBy(() -> of("https://login.example.com", null, null, null, null))
                .hasMessageContaining("RESERVATION_OIDC_CLIENT_SECRET").hasMessageContaining("never a command-line");
    }

    @Test
    void needsTheRoleClaimAndItsAdminValueTogether() {
        assertThatThrownBy(() -> of("https://login.example.com", "s", "roles", null, null))
                .hasMessageContaining("--oidc-admin-value");
        assertThatThrownBy(() -> of("https://login.example.com", "s", " ", "admin", null))
                .hasMessageContaining("--oidc-role-claim");
        assertThat(of("https://login.example.com", "s", "roles", "admin", null).rolesFromProvider()).isTrue();
        assertThat(of("https://login.example.com", "s", null, null, null).rolesFromProvider()).isFalse();
    }

    @Test
    void takesThePublicUrlAsAnOriginOnly() {
        assertThat(of("https://login.example.com", "s", null, null, "https://Rooms.example.com/").publicUrl())
                .hasToString("https://Rooms.example.com");
        assertThatThrownBy(() -> of("https://login.example.com", "s", null, null, "https://rooms.example.com/app"))
                .hasMessageContaining("origin only");
        assertThatThrownBy(() -> of("https://login.example.com", "s", null, null, "http://rooms.example.com"))
                .hasMessageContaining("https");
    }

    @Test
    void readsRoles() {
        assertThat(OidcSettings.role("member")).isEqualTo(Role.MEMBER);
        assertThat(OidcSettings.role(" ADMIN ")).isEqualTo(Role.ADMIN);
        assertThatThrownBy(() -> OidcSettings.role("boss")).hasMessageContaining("MEMBER or ADMIN");
    }
}
