package dev.reservation.web;

import dev.reservation.web.http.ClientAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Limits and timings of the web layer. {@code primaryWait} is only reported (the store module
 * applies it as the driver's server-selection timeout); {@code retryAfter} is what a 503 tells
 * clients; {@code shutdownGrace} is how long stopping waits for requests in flight; a page session
 * ends after {@code sessionIdle} without a request or {@code sessionMax} after sign-in, whichever
 * comes first; {@code trustedProxies} are the reverse proxies whose {@code X-Forwarded-For} names the
 * client (see {@link ClientAddress}). Immutable.
 */
public record WebSettings(long maxRequestBytes, Duration retryAfter, Duration primaryWait, Duration shutdownGrace,
                          Duration sessionIdle, Duration sessionMax, List<String> trustedProxies, boolean apiBasic) {
    public static final WebSettings DEFAULT = new WebSettings(64 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(15),
            Duration.ofSeconds(20), Duration.ofMinutes(30), Duration.ofHours(12), List.of(), true);

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
        trustedProxies = List.copyOf(trustedProxies);
        new ClientAddress(trustedProxies); // fails here on an address that cannot be read
    }

    public WebSettings withPrimaryWait(Duration wait) {
        return new WebSettings(maxRequestBytes, retryAfter, wait, shutdownGrace, sessionIdle, sessionMax, trustedProxies, apiBasic);
    }

    public WebSettings withShutdownGrace(Duration grace) {
        return new WebSettings(maxRequestBytes, retryAfter, primaryWait, grace, sessionIdle, sessionMax, trustedProxies, apiBasic);
    }

    public WebSettings withMaxRequestBytes(long bytes) {
        return new WebSettings(bytes, retryAfter, primaryWait, shutdownGrace, sessionIdle, sessionMax, trustedProxies, apiBasic);
    }

    /** Proxies whose {@code X-Forwarded-For} is believed (addresses or CIDR ranges); none by default. */
    public WebSettings withTrustedProxies(List<String> proxies) {
        return new WebSettings(maxRequestBytes, retryAfter, primaryWait, shutdownGrace, sessionIdle, sessionMax, proxies, apiBasic);
    }

    public WebSettings withSessions(Duration idle, Duration max) {
        return new WebSettings(maxRequestBytes, retryAfter, primaryWait, shutdownGrace, idle, max, trustedProxies, apiBasic);
    }

    /** Whether the API takes HTTP Basic (email and password); off: only {@code Authorization: Bearer} tokens. */
    public WebSettings withApiBasic(boolean on) {
        return new WebSettings(maxRequestBytes, retryAfter, primaryWait, shutdownGrace, sessionIdle, sessionMax,
                trustedProxies, on);
    }
}
