package dev.reservation.web.pages;

import dev.reservation.core.cluster.ClusterInspector;
import dev.reservation.core.cluster.ClusterTopology;
import dev.reservation.web.pages.view.HomeView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The home page: what the app is connected to, and the free-room finder. Thread-safe. */
public final class HomeRoutes {
    private final Pages pages;
    private final ClusterInspector cluster;
    private final RoomFinder finder;

    public HomeRoutes(Pages pages, ClusterInspector cluster, RoomFinder finder) {
        this.pages = pages;
        this.cluster = cluster;
        this.finder = finder;
    }

    public void register(RoutesConfig routes) {
        routes.get("/", this::home);
    }

    private void home(Context ctx) {
        ClusterTopology topology = cluster.topology();
        pages.page(ctx, "home.jte", "Meeting rooms", new HomeView(topology.kind().name(), topology.summary(),
                topology.writable(), finder.defaultForm(ViewerZone.of(ctx)), finder.zones(), RoomFinder.equipmentLabels()));
    }
}
