package dev.reservation.harness.report;

import java.util.List;
import java.util.Map;

/**
 * What was run, for the reports: cluster, fault, workload, limits, and notes on how to read the
 * numbers for this cluster kind. Strings and numbers only, so it serializes as it reads. Immutable.
 */
public record RunInfo(String cluster, String clusterDescription, String fault, String faultDescription,
                      int trials, int threads, double rate, String duration, String warmup, String downTime,
                      String faultTimeout, Map<String, Object> electionSettings, String clientUri,
                      String startedAt, List<String> notes) {
    public RunInfo {
        electionSettings = Map.copyOf(electionSettings);
        notes = List.copyOf(notes);
    }

    /** A connection string with any {@code user:password@} masked. */
    public static String maskCredentials(String uri) {
        return uri.replaceFirst("://[^@/]*@", "://***@");
    }
}
