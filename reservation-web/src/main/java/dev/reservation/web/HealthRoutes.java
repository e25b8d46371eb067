package dev.reservation.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.reservation.core.cluster.ClusterInspector;
import dev.reservation.core.cluster.ClusterTopology;
import dev.reservation.core.cluster.MemberStatus;
import dev.reservation.core.store.UserStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /health/live}: the process serves HTTP. {@code /health/ready}: the store answers a read
 * and a member that takes writes (a primary, or the single embedded or in-memory node) is known;
 * 503 otherwise. Thread-safe.
 */
public final class HealthRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(HealthRoutes.class);
    private static final String PROBE_ID = "health-probe-does-not-exist";

    /** The body of both endpoints. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Health(String status, String store, String primary, String reason) {
    }

    private final UserStore users;
    private final ClusterInspector cluster;

    public HealthRoutes(UserStore users, ClusterInspector cluster) {
        this.users = users;
        this.cluster = cluster;
    }

    public void register(RoutesConfig routes) {
        routes.get("/health/live", ctx -> ctx.json(new Health("UP", null, null, null)));
        routes.get("/health/ready", this::ready);
    }

    private void ready(Context ctx) {
        ClusterTopology topology;
        try {
            users.findById(PROBE_ID);
            topology = cluster.topology();
        } catch (RuntimeException e) {
            LOG.warn("readiness: the store does not answer: {}", e.getMessage());
            ctx.status(503).header("Retry-After", "5")
                    .json(new Health("NOT_READY", null, null, "the store does not answer"));
            return;
        }
        if (!topology.writable()) {
            ctx.status(503).header("Retry-After", "5").json(new Health("NOT_READY", topology.kind().name(), null,
                    "no primary is known: " + topology.summary()));
            return;
        }
        ctx.json(new Health("READY", topology.kind().name(), topology.primary().map(MemberStatus::host).orElse(null),
                null));
    }
}
