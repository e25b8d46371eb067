package dev.reservation.web.pages;

import dev.reservation.core.cluster.ClusterInspector;
import dev.reservation.core.cluster.ClusterTopology;
import dev.reservation.core.cluster.MemberStatus;
import dev.reservation.web.pages.view.ClusterView;
import dev.reservation.web.pages.view.MemberRow;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The /cluster page: the store's topology, refreshed by the browser every few seconds. Thread-safe. */
public final class ClusterRoutes {
    static final int REFRESH_SECONDS = 5;

    private final Pages pages;
    private final ClusterInspector cluster;
    private final Clock clock;
    private final Duration primaryWait;

    public ClusterRoutes(Pages pages, ClusterInspector cluster, Clock clock, Duration primaryWait) {
        this.pages = pages;
        this.cluster = cluster;
        this.clock = clock;
        this.primaryWait = primaryWait;
    }

    public void register(RoutesConfig routes) {
        routes.get("/cluster", this::show);
    }

    private void show(Context ctx) {
        ClusterTopology t = cluster.topology();
        Instant now = clock.instant();
        String banner = switch (t.kind()) {
            case IN_MEMORY -> "in-memory";
            case EMBEDDED -> "embedded";
            default -> t.writable() ? "ok" : "no-primary";
        };
        if (!t.writable()) {
            banner = "no-primary";
        }
        ClusterView view = new ClusterView(t.kind().name(), t.setName().orElse(null), t.summary(), t.source(),
                Format.utc(t.observedAt()), banner, t.primary().map(MemberStatus::host).orElse(null),
                t.members().stream().map(m -> row(m, now)).toList(), REFRESH_SECONDS, primaryWait.toSeconds());
        pages.page(ctx, "cluster.jte", "Cluster", view);
    }

    private static MemberRow row(MemberStatus m, Instant now) {
        return new MemberRow(m.host(), m.state().name(), m.healthy(),
                m.replicationLag().map(Format::millis).orElse("—"),
                m.lastHeartbeat().map(at -> Format.ago(at, now)).orElse("—"),
                m.pingTime().map(Format::millis).orElse("—"),
                m.optime().map(Format::utc).orElse("—"));
    }
}
