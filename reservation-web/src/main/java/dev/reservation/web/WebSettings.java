package dev.reservation.web;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and timings of the web layer. {@code primaryWait} is only reported (the store module
 * applies it as the driver's server-selection timeout); {@code retryAfter} is what a 503 tells
 * clients; {@code shutdownGrace} is how long stopping waits for requests in flight. Immutable.
 */
public record WebSettings(long maxRequestBytes, Duration retryAfter, Duration primaryWait, Duration shutdownGrace) {
    public static final WebSettings DEFAULT =
            new WebSettings(64 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(20));

    public WebSettings {
        if (maxRequestBytes < 1024) {
            throw new IllegalArgumentException("maxRequestBytes must be at least 1024");
        }
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(primaryWait, "primaryWait");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    }

    public WebSettings withPrimaryWait(Duration wait) {
        return new WebSettings(maxRequestBytes, retryAfter, wait, shutdownGrace);
    }

    public WebSettings withShutdownGrace(Duration grace) {
        return new WebSettings(maxRequestBytes, retryAfter, primaryWait, grace);
    }

    public WebSettings withMaxRequestBytes(long bytes) {
        return new WebSettings(bytes, retryAfter, primaryWait, shutdownGrace);
    }
}
