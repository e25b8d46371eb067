package dev.reservation.web;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and timings of the web layer. {@code primaryWait} is only reported (the store module
 * applies it as the driver's server-selection timeout); {@code retryAfter} is what a 503 tells
 * clients; {@code shutdownGrace} is how long stopping waits for requests in flight; a page session
 * ends after {@code sessionIdle} without a request or {@code sessionMax} after sign-in, whichever
 * comes first. Immutable.
 */
public record WebSettings(long maxRequestBytes, Duration retryAfter, Duration primaryWait, Duration shutdownGrace,
                          Duration sessionIdle, Duration sessionMax) {
    public static final WebSettings DEFAULT = new WebSettings(64 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(15),
            Duration.ofSeconds(20), Duration.ofMinutes(30), Duration.ofHours(12));

    public WebSettings {
        if (maxRequestBytes < 1024) {
            throw new IllegalArgumentException("maxRequestBytes must be at least 1024");
        }
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(primaryWait, "primaryWait");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (sessionIdle == null || sessionMax == null || sessionIdle.isNegative() || sessionIdle.isZero()
                || sessionMax.compareTo(sessionIdle) < 0) {
            throw new IllegalArgumentException("need 0 < session idle timeout <= session maximum");
        }
    }

    public WebSettings withPrimaryWait(Duration wait) {
        return new WebSettings(maxRequestBytes, retryAfter, wait, shutdownGrace, sessionIdle, sessionMax);
    }

    public WebSettings withShutdownGrace(Duration grace) {
        return new WebSettings(maxRequestBytes, retryAfter, primaryWait, grace, sessionIdle, sessionMax);
    }

    public WebSettings withMaxRequestBytes(long bytes) {
        return new WebSettings(bytes, retryAfter, primaryWait, shutdownGrace, sessionIdle, sessionMax);
    }

    public WebSettings withSessions(Duration idle, Duration max) {
        return new WebSettings(maxRequestBytes, retryAfter, primaryWait, shutdownGrace, idle, max);
    }
}
