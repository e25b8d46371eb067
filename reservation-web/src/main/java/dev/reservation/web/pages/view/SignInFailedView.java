package dev.reservation.web.pages.view;

/**
 * A sign-in through the OpenID provider that did not complete: what happened, in words for the
 * person, and the link back to the sign-in page. Never a stack trace, code or token. Immutable.
 */
public record SignInFailedView(String heading, String message, String signInHref, String providerName) {
}
