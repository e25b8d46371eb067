package dev.reservation.web.oidc;

import com.nimbusds.oauth2.sdk.auth.Secret;
import dev.reservation.core.domain.Role;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * How this app signs people in with an OpenID provider: the issuer (discovered through
 * {@code <issuer>/.well-known/openid-configuration}), the client this app is registered as, the
 * name shown on the sign-in button, the role of people signing in for the first time and,
 * optionally, the claim that says who is an ADMIN. {@code publicUrl} is the app's own origin
 * ({@code https://rooms.example.com}) for the redirect URI {@code <publicUrl>/oidc/callback};
 * null means "from each request" (its Host header and scheme). The secret never shows in
 * {@link #toString()}. Immutable.
 *
 * @param roleClaim  the ID token claim holding roles or groups (a name, or a dotted path into
 *                   nested objects such as {@code realm_access.roles}), or null: roles are then
 *                   never taken from the provider
 * @param adminValue the value of {@code roleClaim} (a string, or one element of an array) that
 *                   makes someone an ADMIN; anyone else is a MEMBER. Set exactly when {@code roleClaim} is.
 */
public record OidcSettings(URI issuer, String clientId, Secret clientSecret, String providerName, Role defaultRole,
                           String roleClaim, String adminValue, URI publicUrl) {
    public OidcSettings {
        issuer = issuer(issuer);
        clientId = required(clientId, "an OIDC client id (--oidc-client-id or RESERVATION_OIDC_CLIENT_ID)");
        if (clientSecret == null || clientSecret.getValue() == null || clientSecret.getValue().isEmpty()) {
            throw new IllegalArgumentException("OIDC needs the client secret in the environment variable "
                    + "RESERVATION_OIDC_CLIENT_SECRET (never a command-line option: those show in ps)");
        }
        providerName = providerName == null || providerName.isBlank() ? issuer.getHost() : providerName.strip();
        if (providerName.length() > 60) {
            throw new IllegalArgumentException("the OIDC provider name is shown on a button: at most 60 characters");
        }
        Objects.requireNonNull(defaultRole, "defaultRole");
        roleClaim = blankToNull(roleClaim);
        adminValue = blankToNull(adminValue);
        if ((roleClaim == null) != (adminValue == null)) {
            throw new IllegalArgumentException("set both the OIDC role claim (--oidc-role-claim) and the value that"
                    + " means ADMIN (--oidc-admin-value), or neither");
        }
        publicUrl = publicUrl == null ? null : origin(publicUrl);
    }

    /** Reads a role name as given on the command line or in the environment ("member", "ADMIN"). */
    public static Role role(String name) {
        try {
            return Role.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + name + "' is not a role: use MEMBER or ADMIN");
        }
    }

    /** Reads a URL given on the command line or in the environment. */
    public static URI uri(String text, String what) {
        try {
            return new URI(text.strip());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a URL");
        }
    }

    public boolean rolesFromProvider() {
        return roleClaim != null;
    }

    private static URI issuer(URI issuer) {
        if (issuer == null || !issuer.isAbsolute() || issuer.getHost() == null) {
            throw new IllegalArgumentException("the OIDC issuer must be an absolute URL such as"
                    + " https://login.example.com/realms/staff (--oidc-issuer or RESERVATION_OIDC_ISSUER)");
        }
        if (issuer.getQuery() != null || issuer.getFragment() != null) {
            throw new IllegalArgumentException("the OIDC issuer " + issuer + " must not have a query or fragment");
        }
        requireHttps(issuer, "the OIDC issuer");
        return issuer;
    }

    private static URI origin(URI url) {
        if (!url.isAbsolute() || url.getHost() == null
                || !(url.getPath() == null || url.getPath().isEmpty() || url.getPath().equals("/"))
                || url.getQuery() != null || url.getFragment() != null) {
            throw new IllegalArgumentException("the public URL must be the app's origin only, such as"
                    + " https://rooms.example.com (--public-url or RESERVATION_PUBLIC_URL); got " + url);
        }
        requireHttps(url, "the public URL");
        return URI.create(url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getRawAuthority());
    }

    /** Plain HTTP only on this machine (a provider or an app under test); anything else leaks codes and tokens. */
    private static void requireHttps(URI url, String what) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return;
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        if (!scheme.equals("http") || !loopback) {
            throw new IllegalArgumentException(what + " " + url + " must use https (plain http only on localhost)");
        }
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("OIDC needs " + what);
        }
        return value.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String toString() {
        return "OidcSettings[issuer=" + issuer + ", clientId=" + clientId + ", clientSecret=(hidden), providerName="
                + providerName + ", defaultRole=" + defaultRole + ", roleClaim=" + roleClaim + ", adminValue="
                + adminValue + ", publicUrl=" + publicUrl + "]";
    }
}
