package dev.reservation.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.hooks.EventTypes;
import dev.reservation.core.hooks.WebhookSubscription;
import dev.reservation.core.hooks.Webhooks;
import dev.reservation.core.notify.OutboxEntry;
import dev.reservation.web.auth.CurrentUser;
import dev.reservation.web.http.FieldErrorsException;
import dev.reservation.web.http.JsonBodies;
import dev.reservation.web.http.Params;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Webhook subscriptions: list (an admin sees every one, anyone else their own), create (the secret
 * is in the answer once), read, switch on or off, delete, and the delivery log. Writes need
 * HTTP Basic, a session or an {@code admin}-scoped token (see {@code auth.TokenScopes}). The events
 * themselves are documented under {@code webhooks} in the OpenAPI document. Thread-safe.
 */
public final class WebhookApiRoutes {
    private final Webhooks webhooks;
    private final JsonBodies bodies;
    private final boolean on;

    public WebhookApiRoutes(Webhooks webhooks, JsonBodies bodies, boolean on) {
        this.webhooks = webhooks;
        this.bodies = bodies;
        this.on = on;
    }

    /** A subscription as listed: never its secret. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record WebhookDto(String id, String ownerId, String url, List<String> events, List<String> roomIds,
                             String scope, boolean enabled, String disabledReason, Instant failingSince,
                             Instant createdAt) {
        public static WebhookDto of(WebhookSubscription s) {
            return new WebhookDto(s.id(), s.ownerId(), s.url(), EventTypes.names(s.events()),
                    List.copyOf(new java.util.TreeSet<>(s.roomIds())), s.scope().name().toLowerCase(Locale.ROOT),
                    s.enabled(), s.disabledReason(), s.failingSince(), s.createdAt());
        }
    }

    /** A subscription just made: its secret, shown this once. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CreatedWebhookDto(String id, String ownerId, String url, List<String> events, List<String> roomIds,
                                    String scope, boolean enabled, String disabledReason, Instant failingSince,
                                    Instant createdAt, String secret) {
        public static CreatedWebhookDto of(WebhookSubscription s) {
            WebhookDto d = WebhookDto.of(s);
            return new CreatedWebhookDto(d.id(), d.ownerId(), d.url(), d.events(), d.roomIds(), d.scope(), d.enabled(),
                    d.disabledReason(), d.failingSince(), d.createdAt(), s.secret());
        }
    }

    /** One delivery of the log: pending (with when it is due) or done (delivered or skipped). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DeliveryDto(String eventId, String type, String reservationId, long reservationVersion,
                              Instant createdAt, String state, int attempts, Instant lastAttemptAt, String lastError,
                              Instant nextAttemptAt, Instant doneAt, String outcome) {
        public static DeliveryDto of(OutboxEntry e) {
            return new DeliveryDto(EventTypes.eventId(e), EventTypes.name(e.kind()), e.reservationId(), e.version(),
                    e.createdAt(), e.done() ? "done" : "pending", e.attempts(), e.lastAttemptAt(), e.lastError(),
                    e.done() ? null : e.notBefore(), e.doneAt(), e.outcome());
        }
    }

    public record NewWebhookBody(String url, List<String> events, List<String> roomIds, Boolean everyone) {
    }

    public record WebhookChangesBody(Boolean enabled) {
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/webhooks", ctx -> Paging.answerSorted(ctx, "webhooks", webhooks.list(CurrentUser.actor(ctx)),
                s -> Paging.byInstantThenId(s.createdAt(), s.id()), WebhookDto::of));
        routes.post("/api/v1/webhooks", this::create);
        routes.get("/api/v1/webhooks/{id}", ctx -> ctx.json(WebhookDto.of(webhooks.get(CurrentUser.actor(ctx), id(ctx)))));
        routes.patch("/api/v1/webhooks/{id}", this::change);
        routes.delete("/api/v1/webhooks/{id}", ctx -> {
            webhooks.delete(CurrentUser.actor(ctx), id(ctx));
            ctx.status(204);
        });
        routes.get("/api/v1/webhooks/{id}/deliveries", ctx -> {
            Params p = new Params();
            int limit = p.integer(Paging.LIMIT, ctx.queryParam(Paging.LIMIT), 1, 200, false).orElse(50);
            p.throwIfAny();
            ctx.json(webhooks.deliveries(CurrentUser.actor(ctx), id(ctx), limit).stream().map(DeliveryDto::of).toList());
        });
    }

    private static String id(Context ctx) {
        return new Params().text("id", ctx.pathParam("id"), 64, true).orElseThrow();
    }

    private void create(Context ctx) {
        Actor actor = CurrentUser.actor(ctx);
        NewWebhookBody body = bodies.read(ctx, NewWebhookBody.class);
        Params p = new Params();
        Optional<String> url = p.text("url", body.url(), WebhookSubscription.MAX_URL, true);
        if (body.events() == null || body.events().isEmpty()) {
            p.reject("events", "name at least one event: " + String.join(", ", EventTypes.names(
                    java.util.EnumSet.allOf(dev.reservation.core.notify.ChangeKind.class))));
        }
        p.throwIfAny();
        if (!on) {
            throw new FieldErrorsException(Map.of("url", "webhooks are off on this server (it runs with --webhooks"
                    + " off): a subscription would never receive anything"));
        }
        Set<String> rooms = body.roomIds() == null ? Set.of() : Set.copyOf(body.roomIds());
        WebhookSubscription s = webhooks.create(actor, url.get(), EventTypes.parse(body.events()), rooms,
                Boolean.TRUE.equals(body.everyone())).subscription();
        ctx.status(201).header("Cache-Control", "no-store").header("Location", "/api/v1/webhooks/" + s.id())
                .json(CreatedWebhookDto.of(s));
    }

    private void change(Context ctx) {
        Actor actor = CurrentUser.actor(ctx);
        String id = id(ctx);
        WebhookChangesBody body = bodies.read(ctx, WebhookChangesBody.class);
        if (body.enabled() == null) {
            throw new FieldErrorsException(Map.of("enabled", "enabled is required: true or false"));
        }
        ctx.json(WebhookDto.of(webhooks.setEnabled(actor, id, body.enabled())));
    }
}
