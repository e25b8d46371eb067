package dev.reservation.harness.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What was run, for the reports: cluster, fault, workload, store settings, limits, and notes on how to
 * read the numbers for this cluster kind. {@code simulation} is the rig's notice for a run on the
 * replication rig (and null otherwise): every report of such a run starts with it. Strings and numbers
 * only, so it serializes as it reads. Immutable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunInfo(String simulation, String cluster, String clusterDescription, String fault,
                      String faultDescription, int trials, int threads, double rate, String duration, String warmup,
                      String downTime, String faultTimeout, Map<String, Object> electionSettings, String clientUri,
                      String startedAt, String workload, String storeSettings, List<String> notes) {
    public RunInfo {
        electionSettings = Map.copyOf(electionSettings);
        notes = List.copyOf(notes);
    }

    /** A connection string with any {@code user:password@} masked. */
    public static String maskCredentials(String uri) {
        return uri.replaceFirst("://[^@/]*@", "://***@");
    }
}
