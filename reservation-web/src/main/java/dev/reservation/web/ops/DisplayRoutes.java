package dev.reservation.web.ops;

import dev.reservation.core.domain.ReservationException;
import dev.reservation.core.ops.OperationsService;
import dev.reservation.core.service.ReservationView;
import dev.reservation.web.errors.ErrorMapper;
import dev.reservation.web.api.ApiError;
import dev.reservation.web.pages.Pages;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The door display of a room ({@code /display/rooms/{id}?token=rsv_...}): no user session, only the
 * room's display token (header {@code X-Display-Token} or query {@code token}): an API token of scope
 * display for this room (or, from an older version, a token whose hash is in the room's settings),
 * which the core allows for exactly two actions: check-in and "book now". The page renders the state once, then
 * {@code /assets/display.js} polls {@code /display/rooms/{id}/state} and redraws in place; while the
 * app or the database does not answer it keeps the last state and shows "reconnecting" (the token
 * needs no session, so the page recovers by itself after the app restarts). Thread-safe.
 */
public final class DisplayRoutes {
    public static final String TOKEN_HEADER = "X-Display-Token";
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    private final OperationsService operations;
    private final Pages pages;
    private final ErrorMapper errors;

    public DisplayRoutes(OperationsService operations, Pages pages, ErrorMapper errors) {
        this.operations = operations;
        this.pages = pages;
        this.errors = errors;
    }

    /** The address to open on the room's tablet. */
    public static String url(String roomId, String token) {
        return "/display/rooms/" + URLEncoder.encode(roomId, StandardCharsets.UTF_8) + "?token=" + token;
    }

    public void register(RoutesConfig routes) {
        routes.get("/display/rooms/{id}", ctx -> {
            State state = state(operations.doorState(ctx.pathParam("id"), token(ctx)));
            ctx.header("Cache-Control", "no-store");
            pages.bare(ctx, "display.jte", state);
        });
        routes.get("/display/rooms/{id}/state", ctx -> json(ctx, () -> state(operations.doorState(ctx.pathParam("id"),
                token(ctx)))));
        routes.post("/display/rooms/{id}/check-in", ctx -> json(ctx, () -> {
            operations.displayCheckIn(ctx.pathParam("id"), token(ctx));
            return state(operations.doorState(ctx.pathParam("id"), token(ctx)));
        }));
        routes.post("/display/rooms/{id}/book", ctx -> json(ctx, () -> {
            String raw = ctx.queryParam("minutes");
            int minutes = "30".equals(raw) ? 30 : "15".equals(raw) ? 15 : -1;
            operations.displayBookNow(ctx.pathParam("id"), token(ctx), minutes);
            return state(operations.doorState(ctx.pathParam("id"), token(ctx)));
        }));
    }

    private void json(Context ctx, java.util.function.Supplier<State> action) {
        ctx.header("Cache-Control", "no-store");
        try {
            ctx.json(action.get());
        } catch (ReservationException e) {
            ApiError error = errors.describe(e);
            ctx.status(error.status()).json(error);
        }
    }

    private static String token(Context ctx) {
        String header = ctx.header(TOKEN_HEADER);
        return header != null && !header.isBlank() ? header : ctx.queryParam("token");
    }

    /** What the door shows, ready to draw (times in the room's zone). */
    public record State(String roomId, String roomName, String zone, Instant now, boolean busy, String headline,
                        String currentUntil, String nextAt, Long minutesLeft, boolean checkInOpen, boolean bookNowAllowed,
                        Integer freeMinutes, String detail) {
    }

    static State state(OperationsService.DoorState door) {
        ZoneId zone = door.room().zone();
        Optional<ReservationView> current = door.current();
        Optional<ReservationView> next = door.next();
        Long minutesLeft = current.map(c -> minutes(door.now(), c.slot().end()))
                .orElseGet(() -> next.map(n -> minutes(door.now(), n.slot().start())).orElse(null));
        Integer free = current.isPresent() ? null : next.map(n -> (int) Math.min(Integer.MAX_VALUE,
                minutes(door.now(), n.slot().start()))).orElse(24 * 60);
        String pending = current.filter(c -> c.status() == dev.reservation.core.domain.ReservationStatus.PENDING)
                .map(c -> " (awaiting approval)").orElse("");
        String detail = current.map(c -> "Busy until " + HM.format(c.slot().end().atZone(zone)) + pending
                + " · " + minutesLeft + " min left")
                .orElseGet(() -> next.map(n -> "Free until " + HM.format(n.slot().start().atZone(zone)) + " · "
                        + minutesLeft + " min").orElse("Free for the rest of the day"));
        return new State(door.room().id(), door.room().name(), zone.getId(), door.now(), door.busy(),
                door.busy() ? "BUSY" : "FREE", current.map(c -> HM.format(c.slot().end().atZone(zone))).orElse(null),
                next.map(n -> HM.format(n.slot().start().atZone(zone)) + "–" + HM.format(n.slot().end().atZone(zone))
                        + (n.status() == dev.reservation.core.domain.ReservationStatus.PENDING ? " (tentative)" : ""))
                        .orElse(null), minutesLeft, door.checkInOpen(), door.bookNowAllowed()
                        && (free == null || free >= 15), free, detail);
    }

    private static long minutes(Instant from, Instant to) {
        return Math.max(0, (Duration.between(from, to).toSeconds() + 59) / 60);
    }
}
