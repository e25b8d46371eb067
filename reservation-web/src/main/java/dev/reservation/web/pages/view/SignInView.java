package dev.reservation.web.pages.view;

/**
 * The sign-in page: the email as typed (never the password), where to go afterwards, an error
 * after a failed attempt and a notice (signed out, session ended); whether the password form is
 * offered, and the OpenID provider's name and the link that starts signing in there (name null
 * when none is configured). Immutable, so thread-safe.
 */
public record SignInView(String email, String next, String error, String notice, boolean passwords,
                         String providerName, String providerHref) {
    public boolean provider() {
        return providerName != null;
    }
}
