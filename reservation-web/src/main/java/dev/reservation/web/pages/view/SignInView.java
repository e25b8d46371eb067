package dev.reservation.web.pages.view;

/**
 * The sign-in page: the email as typed (never the password), where to go afterwards, an error
 * after a failed attempt and a notice (signed out, session ended). Immutable, so thread-safe.
 */
public record SignInView(String email, String next, String error, String notice) {
}
