package dev.reservation.harness.cluster;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Builds the workload's connection string: the cluster's URI plus the harness's client options. */
public final class ClientUris {
    private ClientUris() {
    }

    /**
     * Appends each {@code key=value} of {@code options} ({@code &}-separated) that {@code uri} does not set
     * already; what the user wrote in the URI wins.
     */
    public static String withOptions(String uri, String options) {
        int q = uri.indexOf('?');
        String query = q < 0 ? "" : uri.substring(q + 1);
        Map<String, String> present = parse(query);
        StringBuilder out = new StringBuilder(uri);
        if (q < 0) {
            out.append(uri.substring(uri.indexOf("://") + 3).contains("/") ? "?" : "/?");
        }
        boolean first = query.isEmpty();
        for (Map.Entry<String, String> option : parse(options).entrySet()) {
            if (!present.containsKey(option.getKey())) {
                out.append(first ? "" : "&").append(option.getValue());
                first = false;
            }
        }
        return out.toString();
    }

    /** lower-cased key → the original {@code key=value} text. */
    private static Map<String, String> parse(String query) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (!pair.isBlank()) {
                int eq = pair.indexOf('=');
                String key = (eq < 0 ? pair : pair.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
                pairs.put(key, pair.strip());
            }
        }
        return pairs;
    }
}
