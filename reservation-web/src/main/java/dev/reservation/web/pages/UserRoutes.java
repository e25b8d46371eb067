package dev.reservation.web.pages;

import dev.reservation.core.service.UserService;
import dev.reservation.web.api.UserDto;
import dev.reservation.web.pages.view.UsersView;
import io.javalin.config.RoutesConfig;

/** The /users page. Thread-safe. */
public final class UserRoutes {
    private final Pages pages;
    private final UserService users;

    public UserRoutes(Pages pages, UserService users) {
        this.pages = pages;
        this.users = users;
    }

    public void register(RoutesConfig routes) {
        routes.get("/users", ctx -> pages.page(ctx, "users.jte", "Users",
                new UsersView(users.list().stream().map(UserDto::of).toList())));
    }
}
