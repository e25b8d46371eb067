package dev.reservation.web.pages;

import dev.reservation.core.auth.ApiToken;
import dev.reservation.core.auth.TokenScope;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.User;
import dev.reservation.core.service.ApiTokens;
import dev.reservation.web.auth.CurrentUser;
import dev.reservation.web.http.Params;
import dev.reservation.web.pages.view.TokensView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /account/tokens}: the signed-in user's personal API tokens: create one (its secret is
 * shown on the answer page once, which is not cached), revoke one. Thread-safe.
 */
public final class TokenRoutes {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Pages pages;
    private final ApiTokens tokens;

    public TokenRoutes(Pages pages, ApiTokens tokens) {
        this.pages = pages;
        this.tokens = tokens;
    }

    public void register(RoutesConfig routes) {
        routes.get("/account/tokens", ctx -> show(ctx, null, Map.of(), ctx.queryParam("revoked") != null
                ? "Token revoked: it opens nothing any more (on other app instances within seconds)." : null));
        routes.post("/account/tokens", this::create);
        routes.post("/account/tokens/{id}/revoke", ctx -> {
            User me = CurrentUser.get(ctx);
            tokens.revoke(CurrentUser.actor(ctx), me.id(), ctx.pathParam("id"));
            ctx.redirect("/account/tokens?revoked=1", HttpStatus.SEE_OTHER);
        });
    }

    private void create(Context ctx) {
        User me = CurrentUser.get(ctx);
        Params p = new Params();
        Optional<String> name = p.text("name", ctx.formParam("name"), ApiToken.MAX_NAME, true);
        Optional<String> scope = p.text("scope", ctx.formParam("scope"), 16, true);
        if (p.hasErrors()) {
            ctx.status(400);
            show(ctx, null, p.errors(), null);
            return;
        }
        ApiTokens.Issued issued;
        try {
            issued = tokens.issue(CurrentUser.actor(ctx), me.id(), name.get(), TokenScope.parse(scope.get()));
        } catch (InvalidInputException bad) {
            ctx.status(400);
            show(ctx, null, bad.fieldErrors(), null);
            return;
        }
        ctx.header("Cache-Control", "no-store");
        show(ctx, new TokensView.Created(issued.stored().name(), issued.stored().scope().label(), issued.token()),
                Map.of(), "Token created. Copy it now: it is not shown again.");
    }

    private void show(Context ctx, TokensView.Created created, Map<String, String> errors, String notice) {
        User me = CurrentUser.get(ctx);
        Actor actor = CurrentUser.actor(ctx);
        List<TokensView.Row> rows = tokens.list(actor, me.id()).stream()
                .map(t -> new TokensView.Row(t.id(), t.name(), t.scope().label(), WHEN.format(t.createdAt()),
                        t.lastUsedAt() == null ? "never" : WHEN.format(t.lastUsedAt())))
                .toList();
        List<String> scopes = Arrays.stream(TokenScope.values()).filter(s -> s.allowedFor(me.role()))
                .map(TokenScope::label).toList();
        pages.page(ctx, "account-tokens.jte", "API tokens", new TokensView(rows, created, scopes, errors, notice));
    }
}
