package dev.reservation.cli.output;

import dev.reservation.core.cluster.ClusterTopology;
import dev.reservation.core.cluster.MemberStatus;
import dev.reservation.core.cluster.ReplicationReport;
import dev.reservation.core.cluster.TopologyEvent;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** JSON documents and text of the cluster commands. Durations in JSON are milliseconds. Thread-safe. */
public final class ClusterOutput {
    private ClusterOutput() {
    }

    public record MemberView(String host, String state, boolean healthy, String lastHeartbeat, String optime,
                             Long replicationLagMillis, Long pingMillis) {
        static MemberView of(MemberStatus m) {
            return new MemberView(m.host(), m.state().name(), m.healthy(),
                    m.lastHeartbeat().map(Views::text).orElse(null), m.optime().map(Views::text).orElse(null),
                    Views.millis(m.replicationLag()), Views.millis(m.pingTime()));
        }
    }

    public static Map<String, Object> topology(ClusterTopology t) {
        return Json.object("kind", t.kind().name(), "setName", t.setName().orElse(null),
                "writable", t.writable(), "primary", t.primary().map(MemberStatus::host).orElse(null),
                "observedAt", Views.text(t.observedAt()), "source", t.source(), "summary", t.summary(),
                "members", t.members().stream().map(MemberView::of).toList());
    }

    public static void topology(PrintWriter out, ClusterTopology t) {
        out.println(t.kind() + t.setName().map(n -> " '" + n + "'").orElse("") + ": " + t.summary());
        out.println((t.writable() ? "writable, primary " + t.primary().orElseThrow().host() : "NOT writable: no primary")
                + "  (observed " + t.observedAt() + " via " + t.source() + ")");
        TextTable table = new TextTable("HOST", "STATE", "HEALTH", "LAG", "PING", "LAST HEARTBEAT");
        for (MemberStatus m : t.members()) {
            table.row(m.host(), m.state(), m.healthy() ? "ok" : "DOWN",
                    m.replicationLag().map(Times::duration).orElse(null), m.pingTime().map(Times::duration).orElse(null),
                    m.lastHeartbeat().map(Object::toString).orElse(null));
        }
        table.print(out, "(no members)");
    }

    public static Map<String, Object> replication(ReplicationReport r) {
        List<Map<String, Object>> members = r.members().stream().map(m -> Json.object("host", m.host(),
                "state", m.state().name(), "visibleAfterMillis", Views.millis(m.visibleAfter()),
                "error", m.error().orElse(null))).toList();
        return Json.object("startedAt", Views.text(r.startedAt()),
                "majorityAcknowledgedAfterMillis", r.majorityAcknowledgedAfter().toMillis(),
                "note", r.note(), "members", members);
    }

    public static void replication(PrintWriter out, ReplicationReport r) {
        out.println("marker written at " + r.startedAt() + ", acknowledged by a majority after "
                + Times.duration(r.majorityAcknowledgedAfter()));
        if (r.note() != null && !r.note().isBlank()) {
            out.println(r.note());
        }
        TextTable table = new TextTable("MEMBER", "STATE", "VISIBLE AFTER", "ERROR");
        r.members().forEach(m -> table.row(m.host(), m.state(),
                m.visibleAfter().map(Times::duration).orElse(null), m.error().orElse(null)));
        table.print(out, "(no other data-bearing members)");
    }

    public static Map<String, Object> event(TopologyEvent e) {
        return Json.object("at", Views.text(e.at()), "type", e.type().name(), "host", e.host(), "detail", e.detail());
    }

    public static String eventLine(TopologyEvent e) {
        return e.at() + "  " + e.type() + (e.host().isEmpty() ? "" : "  " + e.host())
                + (e.detail().isEmpty() ? "" : "  " + e.detail());
    }
}
