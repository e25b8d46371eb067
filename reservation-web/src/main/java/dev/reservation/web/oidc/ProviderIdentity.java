package dev.reservation.web.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.reservation.core.domain.Role;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Who a validated ID token says is signing in: the email (required, and required to be verified
 * by the provider: {@code email_verified} true), a display name if one is given, and the role the
 * configured role claim gives, if one is configured. Reads only claims that already passed
 * signature, issuer, audience, expiry and nonce checks. Immutable.
 *
 * @param role present exactly when {@link OidcSettings#roleClaim()} is set: ADMIN when the claim
 *             holds {@link OidcSettings#adminValue()} (as the string itself or one element of an
 *             array), else MEMBER; a token without the claim counts as MEMBER, so a provider that
 *             stops sending it demotes rather than promotes
 */
public record ProviderIdentity(String subject, String email, String name, Optional<Role> role) {

    /** @throws OidcFailure when there is no email or it is not verified */
    public static ProviderIdentity from(JWTClaimsSet claims, OidcSettings settings) {
        String provider = settings.providerName();
        Object email = claims.getClaim("email");
        if (!(email instanceof String e) || e.isBlank()) {
            throw new OidcFailure(OidcFailure.Kind.NO_USABLE_EMAIL, provider + " did not tell this app your email"
                    + " address, so it cannot tell who you are here. Ask whoever runs " + provider + " to release the"
                    + " email claim to this app.", "the ID token has no email claim");
        }
        if (!verified(claims.getClaim("email_verified"))) {
            throw new OidcFailure(OidcFailure.Kind.EMAIL_NOT_VERIFIED, provider + " has not verified your email"
                    + " address " + e.strip() + ". Verify it with " + provider + ", then sign in again.",
                    "email_verified is not true");
        }
        Optional<Role> role = settings.rolesFromProvider()
                ? Optional.of(holds(lookup(claims.getClaims(), settings.roleClaim()), settings.adminValue())
                        ? Role.ADMIN : Role.MEMBER)
                : Optional.empty();
        return new ProviderIdentity(claims.getSubject(), e.strip(), name(claims), role);
    }

    /** True for a JSON true, and for the string "true" that some providers send instead. */
    static boolean verified(Object claim) {
        return Boolean.TRUE.equals(claim) || claim instanceof String s && s.strip().equalsIgnoreCase("true");
    }

    /**
     * The claim called {@code name}; failing that, {@code name} read as a dotted path into nested
     * objects ({@code realm_access.roles}). Claim names with dots in them (Auth0's namespaced
     * {@code https://example.com/roles}) are found by the first rule.
     */
    static Object lookup(Map<String, Object> claims, String name) {
        if (claims.containsKey(name)) {
            return claims.get(name);
        }
        Object node = claims;
        for (String part : name.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(part);
        }
        return node;
    }

    static boolean holds(Object claim, String value) {
        if (claim instanceof String s) {
            return s.equals(value);
        }
        if (claim instanceof Collection<?> c) {
            return c.stream().anyMatch(value::equals);
        }
        return false;
    }

    private static String name(JWTClaimsSet claims) {
        String name = text(claims.getClaim("name"));
        if (name == null) {
            String given = text(claims.getClaim("given_name"));
            String family = text(claims.getClaim("family_name"));
            name = given == null ? family : family == null ? given : given + " " + family;
        }
        return name;
    }

    private static String text(Object claim) {
        return claim instanceof String s && !s.isBlank() ? s.strip() : null;
    }
}
