package dev.reservation.core.auth;

import java.time.Duration;

/** How many failed sign-ins per account and per client address are allowed within a window. Immutable. */
public record SignInLimits(int allowedFailures, Duration window) {
    public static final SignInLimits DEFAULT = new SignInLimits(5, Duration.ofMinutes(15));

    public SignInLimits {
        if (allowedFailures < 1 || window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("need at least one allowed failure and a positive window");
        }
    }
}
