package dev.reservation.web.api;

import dev.reservation.core.auth.Permissions;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.Role;
import dev.reservation.core.domain.User;
import dev.reservation.core.service.NewUser;
import dev.reservation.core.service.UserService;
import dev.reservation.web.auth.CurrentUser;
import dev.reservation.web.auth.SignOuts;
import dev.reservation.web.http.AdminInput;
import dev.reservation.web.http.JsonBodies;
import dev.reservation.web.http.Params;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Optional;

/**
 * Managing users in the JSON API: ADMINs create, edit, deactivate and reactivate users and set
 * anyone's password; everybody may set their own. A password change or a deactivation signs the
 * user out of this process's sessions at once. Passwords are never echoed. Thread-safe.
 */
public final class UserApiRoutes {
    private final UserService users;
    private final JsonBodies bodies;
    private final SignOuts signOuts;

    public UserApiRoutes(UserService users, JsonBodies bodies, SignOuts signOuts) {
        this.users = users;
        this.bodies = bodies;
        this.signOuts = signOuts;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/users", this::create);
        routes.put("/api/v1/users/{id}", this::update);
        routes.post("/api/v1/users/{id}/deactivate", ctx -> {
            User user = users.deactivate(admin(ctx), target(ctx).id());
            signOuts.everywhere(user.id(), null);
            ctx.json(UserDto.of(user));
        });
        routes.post("/api/v1/users/{id}/reactivate", ctx ->
                ctx.json(UserDto.of(users.reactivate(admin(ctx), target(ctx).id()))));
        routes.post("/api/v1/users/{id}/password", this::password);
    }

    private void create(Context ctx) {
        Actor actor = admin(ctx);
        NewUserBody body = bodies.read(ctx, NewUserBody.class);
        Params p = new Params();
        Optional<String> name = p.text("name", body.name(), 100, true);
        Optional<String> email = p.text("email", body.email(), 254, true);
        Role role = AdminInput.role(p, body.role(), false).orElse(Role.MEMBER);
        p.throwIfAny();
        User created = users.create(actor, new NewUser(name.orElseThrow(), email.orElseThrow(), role));
        ctx.status(201).header("Location", "/api/v1/users/" + created.id()).json(UserDto.of(created));
    }

    private void update(Context ctx) {
        Actor actor = admin(ctx);
        User current = target(ctx);
        UserChangesBody body = bodies.read(ctx, UserChangesBody.class);
        Params p = new Params();
        String name = p.text("name", body.name(), 100, false).orElse(current.name());
        Role role = AdminInput.role(p, body.role(), false).orElse(current.role());
        p.throwIfAny();
        ctx.json(UserDto.of(users.update(actor, current.id(), name, role)));
    }

    private void password(Context ctx) {
        Actor actor = CurrentUser.actor(ctx);
        User user = target(ctx);
        PasswordBody body = bodies.read(ctx, PasswordBody.class);
        Params p = new Params();
        Optional<char[]> password = AdminInput.password(p, "password", body.password(), true);
        p.throwIfAny();
        try {
            users.setPassword(actor, user.id(), password.orElseThrow());
        } finally {
            password.ifPresent(pw -> Arrays.fill(pw, '\0'));
        }
        signOuts.everywhere(user.id(), null);
        ctx.status(204);
    }

    /** The signed-in actor, refused with 403 up front unless an ADMIN (the core decides the same). */
    private static Actor admin(Context ctx) {
        Actor actor = CurrentUser.actor(ctx);
        Permissions.require(actor, Permissions.Operation.MANAGE_USERS, null);
        return actor;
    }

    private User target(Context ctx) {
        return users.resolve(ApiV1Routes.key(ctx));
    }
}
