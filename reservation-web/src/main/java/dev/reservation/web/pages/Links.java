package dev.reservation.web.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds local links with encoded query parameters; refuses to redirect anywhere off-site. Thread-safe. */
public final class Links {
    private Links() {
    }

    /** {@code path?k1=v1&k2=v2}, skipping null values; pairs are given as alternating keys and values. */
    public static String to(String path, String... pairs) {
        StringBuilder b = new StringBuilder(path);
        char sep = path.contains("?") ? '&' : '?';
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                continue;
            }
            b.append(sep).append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
            sep = '&';
        }
        return b.toString();
    }

    /** {@code candidate} when it is a path on this site, else {@code fallback}: no open redirects. */
    public static String local(String candidate, String fallback) {
        if (candidate == null || candidate.length() > 2000 || !candidate.startsWith("/") || candidate.startsWith("//")
                || candidate.contains("\\") || candidate.chars().anyMatch(c -> c < 0x20)) {
            return fallback;
        }
        return candidate;
    }
}
