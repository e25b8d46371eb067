package dev.reservation.web.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.auth.Secret;
import dev.reservation.core.domain.Role;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderIdentityTest {
    static OidcSettings settings(String roleClaim, String adminValue) {
        return new OidcSettings(URI.create("https://login.example.com/realms/staff"), "rooms", new Secret("s"),
                "Staff", Role.MEMBER, roleClaim, adminValue, null);
    }

    static JWTClaimsSet claims(Map<String, Object> claims) {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().subject("sub-1");
        claims.forEach(b::claim);
        return b.build();
    }

    @Test
    void readsAVerifiedEmailAndAName() {
        ProviderIdentity who = ProviderIdentity.from(claims(Map.of("email", " lin@example.com ", "email_verified", true,
                "name", "Lin Chen")), settings(null, null));

        assertThat(who.email()).isEqualTo("lin@example.com");
        assertThat(who.name()).isEqualTo("Lin Chen");
        assertThat(who.subject()).isEqualTo("sub-1");
        assertThat(who.role()).as("no role claim configured").isEmpty();
    }

    @Test
    void acceptsTheStringTrueSomeProvidersSendForEmailVerified() {
        assertThat(ProviderIdentity.verified(true)).isTrue();
        assertThat(ProviderIdentity.verified("true")).isTrue();
        assertThat(ProviderIdentity.verified("TRUE")).isTrue();
        assertThat(ProviderIdentity.verified(false)).isFalse();
        assertThat(ProviderIdentity.verified("false")).isFalse();
        assertThat(ProviderIdentity.verified(1)).isFalse();
        assertThat(ProviderIdentity.verified(null)).isFalse();
    }

    @Test
    void refusesAMissingOrUnverifiedEmail() {
        assertThatThrownBy(() -> ProviderIdentity.from(claims(Map.of("email_verified", true)), settings(null, null)))
                .isInstanceOfSatisfying(OidcFailure.class,
                        f -> assertThat(f.kind()).isEqualTo(OidcFailure.Kind.NO_USABLE_EMAIL));
        assertThatThrownBy(() -> ProviderIdentity.from(claims(Map.of("email", "a@example.com")), settings(null, null)))
                .isInstanceOfSatisfying(OidcFailure.class,
                        f -> assertThat(f.kind()).isEqualTo(OidcFailure.Kind.EMAIL_NOT_VERIFIED));
        assertThatThrownBy(() -> ProviderIdentity.from(claims(Map.of("email", "a@example.com", "email_verified",
                false)), settings(null, null))).hasMessageContaining("has not verified your email address a@example.com");
    }

    @Test
    void buildsANameFromGivenAndFamilyNamesOrLeavesItToTheCore() {
        OidcSettings s = settings(null, null);
        assertThat(ProviderIdentity.from(claims(Map.of("email", "a@example.com", "email_verified", true,
                "given_name", "Ada", "family_name", "Lovelace")), s).name()).isEqualTo("Ada Lovelace");
        assertThat(ProviderIdentity.from(claims(Map.of("email", "a@example.com", "email_verified", true,
                "given_name", "Ada")), s).name()).isEqualTo("Ada");
        assertThat(ProviderIdentity.from(claims(Map.of("email", "a@example.com", "email_verified", true)), s).name())
                .isNull();
    }

    @Test
    void takesTheRoleFromAStringAnArrayANestedPathOrADottedName() {
        Map<String, Object> base = Map.of("email", "a@example.com", "email_verified", true);
        assertThat(role(base, "roles", List.of("user", "rooms-admin"), settings("roles", "rooms-admin")))
                .isEqualTo(Role.ADMIN);
        assertThat(role(base, "role", "rooms-admin", settings("role", "rooms-admin"))).isEqualTo(Role.ADMIN);
        assertThat(role(base, "roles", List.of("user"), settings("roles", "rooms-admin"))).isEqualTo(Role.MEMBER);
        assertThat(role(base, "realm_access", Map.of("roles", List.of("rooms-admin")),
                settings("realm_access.roles", "rooms-admin"))).as("Keycloak's realm roles").isEqualTo(Role.ADMIN);
        assertThat(role(base, "https://rooms.example.com/roles", List.of("rooms-admin"),
                settings("https://rooms.example.com/roles", "rooms-admin"))).as("a namespaced claim").isEqualTo(Role.ADMIN);
        assertThat(ProviderIdentity.from(claims(base), settings("roles", "rooms-admin")).role())
                .as("no claim at all: MEMBER, never ADMIN").contains(Role.MEMBER);
        assertThat(role(base, "roles", List.of("ROOMS-ADMIN"), settings("roles", "rooms-admin")))
                .as("values are compared exactly").isEqualTo(Role.MEMBER);
    }

    private static Role role(Map<String, Object> base, String claim, Object value, OidcSettings s) {
        Map<String, Object> all = new java.util.HashMap<>(base);
        all.put(claim, value);
        return ProviderIdentity.from(claims(all), s).role().orElseThrow();
    }
}
