package dev.reservation.web.pages;

import dev.reservation.core.auth.Permissions;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.AlreadyExistsException;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.Role;
import dev.reservation.core.domain.User;
import dev.reservation.core.service.NewUser;
import dev.reservation.core.service.UserService;
import dev.reservation.web.auth.CurrentUser;
import dev.reservation.web.auth.LocalPasswordsOffException;
import dev.reservation.web.auth.SignOuts;
import dev.reservation.web.http.AdminInput;
import dev.reservation.web.http.Params;
import dev.reservation.web.pages.view.UserFormView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * ADMINs' user management pages: create (then set a password on the edit page), edit name and
 * role, set a password, deactivate and reactivate. Members get 403. A password change or a
 * deactivation signs that user out of this process at once. Thread-safe.
 */
public final class UserAdminRoutes {
    private final Pages pages;
    private final UserService users;
    private final SignOuts signOuts;

    public UserAdminRoutes(Pages pages, UserService users, SignOuts signOuts) {
        this.pages = pages;
        this.users = users;
        this.signOuts = signOuts;
    }

    public void register(RoutesConfig routes) {
        routes.get("/users/new", ctx -> {
            admin(ctx);
            show(ctx, new UserFormView(null, "", "", "MEMBER", true, Map.of(), null));
        });
        routes.post("/users", this::create);
        routes.get("/users/{id}/edit", ctx -> {
            admin(ctx);
            User u = users.get(ctx.pathParam("id"));
            String notice = ctx.queryParam("created") != null ? (pages.localPasswords()
                    ? "Created. Now set a password so they can sign in, or they sign in through the identity provider"
                    + " with this email, if one is configured."
                    : "Created. They sign in through the identity provider with this email.")
                    : ctx.queryParam("password") != null ? "Password set; the user was signed out everywhere." : null;
            show(ctx, form(u, Map.of(), notice));
        });
        routes.post("/users/{id}", this::update);
        routes.post("/users/{id}/password", this::password);
        routes.post("/users/{id}/deactivate", ctx -> {
            User u = users.deactivate(admin(ctx), ctx.pathParam("id"));
            signOuts.everywhere(u.id(), null);
            ctx.redirect("/users?done=deactivated", HttpStatus.SEE_OTHER);
        });
        routes.post("/users/{id}/reactivate", ctx -> {
            users.reactivate(admin(ctx), ctx.pathParam("id"));
            ctx.redirect("/users?done=reactivated", HttpStatus.SEE_OTHER);
        });
    }

    private void create(Context ctx) {
        Actor actor = admin(ctx);
        String name = ctx.formParam("name");
        String email = ctx.formParam("email");
        String role = ctx.formParam("role");
        try {
            Params p = new Params();
            Optional<String> n = p.text("name", name, 100, true);
            Optional<String> e = p.text("email", email, 254, true);
            Role r = AdminInput.role(p, role, false).orElse(Role.MEMBER);
            p.throwIfAny();
            User created = users.create(actor, new NewUser(n.orElseThrow(), e.orElseThrow(), r));
            ctx.redirect("/users/" + created.id() + "/edit?created=1", HttpStatus.SEE_OTHER);
        } catch (InvalidInputException | AlreadyExistsException e) {
            ctx.status(e instanceof AlreadyExistsException ? 409 : 400);
            show(ctx, new UserFormView(null, name, email, role, true, errors(e), null));
        }
    }

    private void update(Context ctx) {
        Actor actor = admin(ctx);
        User current = users.get(ctx.pathParam("id"));
        try {
            Params p = new Params();
            Optional<String> name = p.text("name", ctx.formParam("name"), 100, true);
            Optional<Role> role = AdminInput.role(p, ctx.formParam("role"), true);
            p.throwIfAny();
            users.update(actor, current.id(), name.orElseThrow(), role.orElseThrow());
            ctx.redirect("/users?done=saved", HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(400);
            show(ctx, form(current, e.fieldErrors(), null));
        }
    }

    private void password(Context ctx) {
        Actor actor = admin(ctx);
        if (!pages.localPasswords()) {
            throw new LocalPasswordsOffException("passwords are turned off on this server (--local-passwords off):"
                    + " people sign in through the identity provider, so no password can be set");
        }
        User user = users.get(ctx.pathParam("id"));
        Params p = new Params();
        Optional<char[]> password = AdminInput.password(p, "password", ctx.formParam("password"), true);
        if (p.hasErrors()) {
            ctx.status(400);
            show(ctx, form(user, p.errors(), null));
            return;
        }
        try {
            users.setPassword(actor, user.id(), password.orElseThrow());
        } finally {
            password.ifPresent(pw -> Arrays.fill(pw, '\0'));
        }
        String keep = CurrentUser.isMe(ctx, user.id()) ? CurrentUser.sessionId(ctx).orElse(null) : null;
        signOuts.everywhere(user.id(), keep);
        ctx.redirect("/users/" + user.id() + "/edit?password=1", HttpStatus.SEE_OTHER);
    }

    private static Map<String, String> errors(RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            return invalid.fieldErrors();
        }
        return Map.of(((AlreadyExistsException) e).field(), e.getMessage());
    }

    private static UserFormView form(User u, Map<String, String> errors, String notice) {
        return new UserFormView(u.id(), u.name(), u.email(), u.role().name(), u.active(), errors, notice);
    }

    private void show(Context ctx, UserFormView view) {
        pages.page(ctx, "user-form.jte", view.isNew() ? "New user" : view.name(), view);
    }

    static Actor admin(Context ctx) {
        Actor actor = CurrentUser.actor(ctx);
        Permissions.require(actor, Permissions.Operation.MANAGE_USERS, null);
        return actor;
    }
}
