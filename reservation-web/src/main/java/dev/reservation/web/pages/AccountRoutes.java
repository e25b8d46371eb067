package dev.reservation.web.pages;

import dev.reservation.web.http.ClientAddress;
import dev.reservation.core.domain.AuthenticationFailedException;
import dev.reservation.core.domain.TooManySignInAttemptsException;
import dev.reservation.core.domain.User;
import dev.reservation.core.service.AuthService;
import dev.reservation.core.service.UserService;
import dev.reservation.web.api.UserDto;
import dev.reservation.web.auth.CurrentUser;
import dev.reservation.web.auth.LocalPasswordsOffException;
import dev.reservation.web.auth.SignOuts;
import dev.reservation.web.http.AdminInput;
import dev.reservation.web.errors.ErrorMapper;
import dev.reservation.web.http.Params;
import dev.reservation.web.pages.view.AccountView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /account}: the signed-in user's own details and password change. The current password
 * is checked through {@link AuthService} (so it counts towards the sign-in limits); the other
 * sessions of the user end, this one stays. Thread-safe.
 */
public final class AccountRoutes {
    private final Pages pages;
    private final AuthService auth;
    private final UserService users;
    private final SignOuts signOuts;

    public AccountRoutes(Pages pages, AuthService auth, UserService users, SignOuts signOuts) {
        this.pages = pages;
        this.auth = auth;
        this.users = users;
        this.signOuts = signOuts;
    }

    public void register(RoutesConfig routes) {
        routes.get("/account", ctx -> show(ctx, Map.of(),
                ctx.queryParam("changed") != null ? "Password changed; your other sessions were signed out." : null));
        routes.post("/account/password", this::changePassword);
    }

    private void changePassword(Context ctx) {
        User me = CurrentUser.get(ctx);
        if (!pages.localPasswords()) {
            throw new LocalPasswordsOffException("passwords are turned off on this server (--local-passwords off):"
                    + " you sign in through the identity provider, so there is no password to change here");
        }
        Params p = new Params();
        String current = ctx.formParam("current");
        if (current == null || current.isEmpty()) {
            p.reject("current", "enter your current password");
        }
        Optional<char[]> fresh = AdminInput.password(p, "password", ctx.formParam("password"), true);
        char[] old = current == null ? new char[0] : current.toCharArray();
        try {
            if (p.hasErrors()) {
                ctx.status(400);
                show(ctx, p.errors(), null);
                return;
            }
            auth.signIn(me.email(), old, ClientAddress.of(ctx));
            users.setPassword(CurrentUser.actor(ctx), me.id(), fresh.orElseThrow());
        } catch (AuthenticationFailedException wrong) {
            ctx.status(400);
            show(ctx, Map.of("current", "that is not your current password"), null);
            return;
        } catch (TooManySignInAttemptsException blocked) {
            ctx.status(429).header("Retry-After", String.valueOf(ErrorMapper.retryAfterSeconds(blocked)));
            show(ctx, Map.of("current", blocked.getMessage()), null);
            return;
        } finally {
            Arrays.fill(old, '\0');
            fresh.ifPresent(pw -> Arrays.fill(pw, '\0'));
        }
        signOuts.everywhere(me.id(), CurrentUser.sessionId(ctx).orElse(null));
        ctx.redirect("/account?changed=1", HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx, Map<String, String> errors, String notice) {
        pages.page(ctx, "account.jte", "Your account", new AccountView(UserDto.of(CurrentUser.get(ctx)), errors,
                notice));
    }
}
