package dev.reservation.web.pages;

import dev.reservation.core.cluster.ClusterInspector;
import dev.reservation.core.cluster.ClusterTopology;
import dev.reservation.core.domain.User;
import dev.reservation.core.service.UserService;
import dev.reservation.web.http.ActingUser;
import dev.reservation.web.http.Params;
import dev.reservation.web.pages.view.HomeView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** The home page and the "acting as" selector's form post. Thread-safe. */
public final class HomeRoutes {
    private final Pages pages;
    private final ClusterInspector cluster;
    private final RoomFinder finder;
    private final UserService users;
    private final ActingUser acting;

    public HomeRoutes(Pages pages, ClusterInspector cluster, RoomFinder finder, UserService users, ActingUser acting) {
        this.pages = pages;
        this.cluster = cluster;
        this.finder = finder;
        this.users = users;
        this.acting = acting;
    }

    public void register(RoutesConfig routes) {
        routes.get("/", this::home);
        routes.post("/acting-as", this::actAs);
    }

    private void home(Context ctx) {
        ClusterTopology topology = cluster.topology();
        pages.page(ctx, "home.jte", "Meeting rooms", new HomeView(topology.kind().name(), topology.summary(),
                topology.writable(), finder.defaultForm(), finder.zones(), RoomFinder.equipmentLabels()));
    }

    private void actAs(Context ctx) {
        Params params = new Params();
        String back = Links.local(ctx.formParam("back"), "/");
        String userId = params.text("userId", ctx.formParam("userId"), 64, false).orElse(null);
        if (userId == null) {
            ctx.removeCookie(ActingUser.COOKIE, "/");
        } else {
            User user = users.get(userId);
            acting.choose(ctx, user);
        }
        ctx.redirect(back, HttpStatus.SEE_OTHER);
    }
}
