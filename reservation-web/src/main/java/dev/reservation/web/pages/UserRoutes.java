package dev.reservation.web.pages;

import dev.reservation.core.service.UserService;
import dev.reservation.web.api.UserDto;
import dev.reservation.web.pages.view.UsersView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The /users page: everyone sees who is here; ADMINs also get the management buttons. Thread-safe. */
public final class UserRoutes {
    private final Pages pages;
    private final UserService users;

    public UserRoutes(Pages pages, UserService users) {
        this.pages = pages;
        this.users = users;
    }

    public void register(RoutesConfig routes) {
        routes.get("/users", this::list);
    }

    private void list(Context ctx) {
        String notice = notice(ctx.queryParam("done"));
        pages.page(ctx, "users.jte", "Users", new UsersView(users.list().stream().map(UserDto::of).toList(), notice));
    }

    private static String notice(String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "deactivated" -> "Deactivated: that user can no longer sign in or be booked for; their reservations"
                    + " stay.";
            case "reactivated" -> "Reactivated.";
            case "saved" -> "Saved.";
            default -> null;
        };
    }
}
