package dev.reservation.harness;

import dev.reservation.harness.checker.TrialResult;
import dev.reservation.harness.cluster.ClusterControl;
import dev.reservation.harness.history.Op;
import dev.reservation.harness.report.HtmlReport;
import dev.reservation.harness.report.RunInfo;
import dev.reservation.harness.report.RunNotes;
import dev.reservation.harness.report.SummaryJson;
import dev.reservation.harness.report.TrialsCsv;
import dev.reservation.rig.ReplicationRig;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** Writes the run folder's summary, CSV and HTML report (the history is written as the run goes). */
public final class RunReports {
    public static final String HISTORY = "history.jsonl";
    public static final String SUMMARY = "summary.json";
    public static final String CSV = "trials.csv";
    public static final String HTML = "report.html";

    private RunReports() {
    }

    public static RunInfo info(RunConfig config, ClusterControl cluster, String clientSettings, Instant startedAt) {
        String fault = config.fault().rig() ? config.fault().description() + "; each held "
                + config.rigFaults().holdMin() + "-" + config.rigFaults().holdMax() + " write timeouts, "
                + Durations.human(config.rigFaults().gapMin()) + "-" + Durations.human(config.rigFaults().gapMax())
                + " apart" : config.fault().description();
        return new RunInfo(cluster.kind().simulation() ? ReplicationRig.SIMULATION_NOTICE : null,
                cluster.kind().label(), cluster.description(), config.fault().label(), fault, config.trials(),
                config.threads(), config.rate(), Durations.human(config.duration()), Durations.human(config.warmup()),
                Durations.human(config.downTime()), Durations.human(config.faultTimeout()),
                config.cluster().election().asConfigSettings(), RunInfo.maskCredentials(cluster.clientUri()),
                startedAt.toString(), config.workload().describe(), clientSettings,
                RunNotes.forKind(cluster.kind(), clientSettings));
    }

    public static void write(RunConfig config, ClusterControl cluster, String clientSettings, Instant startedAt,
                             List<TrialResult> trials, List<Op> history) throws IOException {
        RunInfo info = info(config, cluster, clientSettings, startedAt);
        SummaryJson.write(config.out().resolve(SUMMARY), info, trials);
        TrialsCsv.write(config.out().resolve(CSV), info, trials);
        HtmlReport.write(config.out().resolve(HTML), info, trials, history);
    }
}
