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
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.InvalidInputException;

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
                ctx.queryParam("changed") != null ? "Password changed; your other sessions were signed out."
                        : ctx.queryParam("zone") != null ? "Time zone saved." : null));
        routes.post("/account/password", this::changePassword);
        routes.post("/account/zone", this::setZone);
    }

    /** Sets (or, blank, forgets) the zone the user is in; pages then show times in it beside the room's. */
    private void setZone(Context ctx) {
        User me = CurrentUser.get(ctx);
        Params p = new Params();
        Optional<String> text = p.text("zone", ctx.formParam("zone"), 64, false);
        ZoneId zone = null;
        if (text.isPresent()) {
            try {
                zone = Room.parseZone(text.get());
            } catch (InvalidInputException e) {
                ctx.status(400);
                show(ctx, Map.of("zone", e.getMessage()), null);
                return;
            }
        }
        users.setZone(CurrentUser.actor(ctx), me.id(), zone);
        ctx.redirect("/account?zone=1", HttpStatus.SEE_OTHER);
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
        User me = CurrentUser.get(ctx);
        ZoneId browser = ViewerZone.browser(ctx);
        List<String> zones = Stream.concat(Stream.of("UTC",
                        "Europe/Berlin", "Europe/London", "America/New_York"),
                        browser == null ? Stream.empty() : Stream.of(browser.getId()))
                .distinct().sorted().toList();
        String typed = errors.containsKey("zone") ? ctx.formParam("zone") : me.zone() == null ? "" : me.zone().getId();
        pages.page(ctx, "account.jte", "Your account", new AccountView(UserDto.of(me), errors, notice, typed,
                browser == null ? null : browser.getId(), zones));
    }
}
