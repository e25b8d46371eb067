package dev.reservation.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.reservation.core.auth.ApiToken;
import dev.reservation.core.auth.TokenScope;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.service.ApiTokens;
import dev.reservation.web.auth.CurrentUser;
import dev.reservation.web.http.JsonBodies;
import dev.reservation.web.http.Params;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Optional;

/**
 * The caller's personal API tokens: list, create (the token is in the answer once, never again),
 * revoke. Creating or revoking needs HTTP Basic, a session or an {@code admin}-scoped token (see
 * {@code auth.TokenScopes}). Thread-safe.
 */
public final class TokenApiRoutes {
    private final ApiTokens tokens;
    private final JsonBodies bodies;

    public TokenApiRoutes(ApiTokens tokens, JsonBodies bodies) {
        this.tokens = tokens;
        this.bodies = bodies;
    }

    /** A token as listed: never its secret. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TokenDto(String id, String name, String scope, Instant createdAt, Instant lastUsedAt) {
        public static TokenDto of(ApiToken t) {
            return new TokenDto(t.id(), t.name(), t.scope().label(), t.createdAt(), t.lastUsedAt());
        }
    }

    /** A token just created: the secret, shown this once. */
    public record CreatedTokenDto(String id, String name, String scope, Instant createdAt, Instant lastUsedAt,
                                  String token) {
    }

    public record NewTokenBody(String name, String scope) {
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/tokens", ctx -> {
            Actor actor = CurrentUser.actor(ctx);
            Paging.answerSorted(ctx, "tokens", tokens.list(actor, actor.userId()),
                    t -> Paging.byInstantThenId(t.createdAt(), t.id()), TokenDto::of);
        });
        routes.post("/api/v1/tokens", this::create);
        routes.delete("/api/v1/tokens/{id}", ctx -> {
            Actor actor = CurrentUser.actor(ctx);
            String id = new Params().text("id", ctx.pathParam("id"), 64, true).orElseThrow();
            tokens.revoke(actor, actor.userId(), id);
            ctx.status(204);
        });
    }

    private void create(Context ctx) {
        Actor actor = CurrentUser.actor(ctx);
        NewTokenBody body = bodies.read(ctx, NewTokenBody.class);
        Params p = new Params();
        Optional<String> name = p.text("name", body.name(), ApiToken.MAX_NAME, true);
        Optional<String> scope = p.text("scope", body.scope(), 16, true);
        p.throwIfAny();
        ApiTokens.Issued issued = tokens.issue(actor, actor.userId(), name.get(), TokenScope.parse(scope.get()));
        ApiToken t = issued.stored();
        ctx.status(201).header("Cache-Control", "no-store")
                .json(new CreatedTokenDto(t.id(), t.name(), t.scope().label(), t.createdAt(), t.lastUsedAt(),
                        issued.token()));
    }
}
