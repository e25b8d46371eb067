package dev.reservation.web.api;

import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.RoomNotFoundException;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.domain.WriteOutcomeUnknownException;
import dev.reservation.core.series.Recurrence;
import dev.reservation.core.series.SeriesMode;
import dev.reservation.core.series.SeriesRequest;
import dev.reservation.core.series.SeriesService;
import dev.reservation.core.series.SeriesView;
import dev.reservation.core.service.RoomService;
import dev.reservation.core.time.LocalTimes;
import dev.reservation.web.auth.CurrentUser;
import dev.reservation.web.http.FieldErrorsException;
import dev.reservation.web.http.JsonBodies;
import dev.reservation.web.http.Params;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Recurring reservations in the JSON API, as the signed-in user (see API.md, "Series"): preview,
 * book (with {@code Idempotency-Key}, as a single booking), get, cancel the whole series, and per
 * occurrence cancel, cancel it and all following, or move it. Every booking carries a key (the
 * client's, or one made here), so that an unknown outcome can be answered with the key to retry with.
 * Thread-safe.
 */
public final class SeriesApiRoutes {
    private final SeriesService series;
    private final RoomService rooms;
    private final JsonBodies bodies;

    public SeriesApiRoutes(SeriesService series, RoomService rooms, JsonBodies bodies) {
        this.series = series;
        this.rooms = rooms;
        this.bodies = bodies;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/series/preview", ctx -> {
            Actor actor = CurrentUser.actor(ctx);
            SeriesRequest request = request(bodies.read(ctx, SeriesBody.class), actor, Optional.empty());
            ctx.json(dto(series.preview(actor, request)));
        });
        routes.post("/api/v1/series", this::book);
        routes.get("/api/v1/series/{id}", ctx -> ctx.json(dto(series.get(CurrentUser.actor(ctx), id(ctx)))));
        routes.post("/api/v1/series/{id}/cancel", ctx -> ctx.json(dto(series.cancel(CurrentUser.actor(ctx), id(ctx)))));
        routes.post("/api/v1/series/{id}/occurrences/{day}/cancel", ctx ->
                ctx.json(dto(series.cancelOccurrence(CurrentUser.actor(ctx), id(ctx), day(ctx)))));
        routes.post("/api/v1/series/{id}/occurrences/{day}/cancel-following", ctx ->
                ctx.json(dto(series.cancelFollowing(CurrentUser.actor(ctx), id(ctx), day(ctx)))));
        routes.post("/api/v1/series/{id}/occurrences/{day}/move", this::move);
    }

    private void book(Context ctx) {
        Params p = new Params();
        Optional<String> key = p.text(ReservationApiRoutes.IDEMPOTENCY_KEY,
                ctx.header(ReservationApiRoutes.IDEMPOTENCY_KEY), 128, false);
        p.throwIfAny();
        Actor actor = CurrentUser.actor(ctx);
        SeriesRequest request = request(bodies.read(ctx, SeriesBody.class), actor,
                Optional.of(key.orElse("api-series-" + UUID.randomUUID())));
        SeriesView view = bookKeyed(series, actor, request);
        ctx.status(201).header("Location", "/api/v1/series/" + view.series().id());
        if (view.replayed()) {
            ctx.header("Idempotent-Replayed", "true");
        }
        ctx.json(dto(view));
    }

    /**
     * Books with the request's key; an unknown outcome names the series and the key to retry with
     * (a retry resumes the series and can never book an occurrence twice).
     */
    public static SeriesView bookKeyed(SeriesService series, Actor actor, SeriesRequest request) {
        try {
            return series.book(actor, request);
        } catch (WriteOutcomeUnknownException unknown) {
            throw new WriteOutcomeUnknownException(unknown.getMessage(), unknown, unknown.reservationId().orElse(null),
                    unknown.idempotencyKey().orElse(request.idempotencyKey().orElse(null)));
        }
    }

    private void move(Context ctx) {
        MoveOccurrenceBody body = bodies.read(ctx, MoveOccurrenceBody.class);
        Actor actor = CurrentUser.actor(ctx);
        String seriesId = id(ctx);
        LocalDate day = day(ctx);
        ZoneId zone = series.get(actor, seriesId).series().zone();
        Params p = new Params();
        LocalTimes.Reading start = read(p, "start", body.start(), zone);
        LocalTimes.Reading end = read(p, "end", body.end(), zone);
        if (start != null && end != null && !end.instant().isAfter(start.instant())) {
            p.reject("end", "end must be after start");
        }
        p.throwIfAny();
        ctx.json(dto(series.moveOccurrence(actor, seriesId, day, new TimeSlot(start.instant(), end.instant()))));
    }

    private static LocalTimes.Reading read(Params p, String field, String raw, ZoneId zone) {
        Optional<String> text = p.text(field, raw, 64, true);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalTimes.parse(field, text.get(), zone);
        } catch (InvalidInputException e) {
            p.reject(field, e.getMessage());
            return null;
        }
    }

    /**
     * Reads a series request; every problem is collected and reported at once (400 with a message per
     * field), before anything is written. The pages' form uses it too.
     */
    public static SeriesRequest request(SeriesBody body, Actor actor, Optional<String> key) {
        Params p = new Params();
        Optional<String> roomId = p.text("roomId", body.roomId(), 64, true);
        String userId = p.text("userId", body.userId(), 64, false).orElse(actor.userId());
        Optional<String> title = p.text("title", body.title(), Reservation.MAX_TITLE, true);
        if (body.attendees() == null) {
            p.reject("attendees", "attendees is required");
        }
        Optional<LocalDate> firstDay = p.date("firstDay", body.firstDay(), true);
        Optional<LocalTime> startTime = p.time("startTime", body.startTime(), true);
        Optional<LocalTime> endTime = p.time("endTime", body.endTime(), false);
        Integer minutes = body.durationMinutes();
        if (minutes == null && endTime.isPresent() && startTime.isPresent()) {
            if (!endTime.get().isAfter(startTime.get())) {
                p.reject("endTime", "endTime must be after startTime on the same day; for an occurrence past midnight"
                        + " give durationMinutes");
            } else {
                minutes = (int) java.time.Duration.between(startTime.get(), endTime.get()).toMinutes();
            }
        } else if (minutes == null && endTime.isEmpty()) {
            p.reject("durationMinutes", "give durationMinutes or endTime");
        }
        if (startTime.isPresent() && (startTime.get().getSecond() != 0 || startTime.get().getNano() != 0)) {
            p.reject("startTime", "startTime is given in whole minutes, like 09:30");
        }
        String rule = null;
        Optional<String> repeat = p.text("repeat", body.repeat(), 300, true);
        if (repeat.isPresent()) {
            try {
                rule = Recurrence.parse("repeat", repeat.get()).text();
            } catch (InvalidInputException e) {
                p.reject("repeat", e.getMessage());
            }
        }
        TreeSet<LocalDate> exdates = new TreeSet<>();
        List<String> rawExdates = body.exdates() == null ? List.of() : body.exdates();
        if (rawExdates.size() > Recurrence.MAX_OCCURRENCES) {
            p.reject("exdates", "at most " + Recurrence.MAX_OCCURRENCES + " days may be left out");
        } else {
            for (String raw : rawExdates) {
                p.date("exdates", raw, true).ifPresent(exdates::add);
            }
        }
        SeriesMode mode = SeriesMode.ALL_OR_NOTHING;
        Optional<String> modeText = p.text("mode", body.mode(), 32, false);
        if (modeText.isPresent()) {
            try {
                mode = SeriesMode.valueOf(modeText.get().strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                p.reject("mode", "mode must be ALL_OR_NOTHING or SKIP_CONFLICTS");
            }
        }
        p.throwIfAny();
        return new SeriesRequest(roomId.get(), userId, title.get(), body.attendees(), firstDay.get(), startTime.get(),
                minutes, rule, exdates, mode, key);
    }

    private SeriesDto dto(SeriesView view) {
        Room room;
        try {
            room = rooms.get(view.series().roomId());
        } catch (RoomNotFoundException gone) {
            room = null;
        }
        return SeriesDto.of(view, room);
    }

    private static String id(Context ctx) {
        return new Params().text("id", ctx.pathParam("id"), 64, true)
                .orElseThrow(() -> FieldErrorsException.of("id", "id is too long"));
    }

    private static LocalDate day(Context ctx) {
        Params p = new Params();
        Optional<LocalDate> day = p.date("day", ctx.pathParam("day"), true);
        p.throwIfAny();
        return day.orElseThrow();
    }
}
