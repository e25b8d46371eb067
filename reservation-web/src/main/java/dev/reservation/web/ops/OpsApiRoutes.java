package dev.reservation.web.ops;

import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.RoomNotFoundException;
import dev.reservation.core.ops.OperationsService;
import dev.reservation.core.ops.RoomOperationsAdmin;
import dev.reservation.core.ops.UsageReports;
import dev.reservation.core.service.RoomService;
import dev.reservation.web.auth.CurrentUser;
import dev.reservation.web.http.JsonBodies;
import dev.reservation.web.http.Params;
import dev.reservation.web.api.Paging;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The room-operations JSON API (documented in API.md): the approval queue, approve/decline with a
 * reason, check-in, room settings and display tokens (API tokens of scope display: issued, shown
 * without their secret, revoked here), quotas, and usage reports (JSON or CSV). The
 * core checks every permission. Thread-safe.
 */
public final class OpsApiRoutes {
    private final OperationsService operations;
    private final RoomOperationsAdmin admin;
    private final UsageReports reports;
    private final RoomService rooms;
    private final JsonBodies bodies;

    public OpsApiRoutes(OperationsService operations, RoomOperationsAdmin admin, UsageReports reports, RoomService rooms,
                        JsonBodies bodies) {
        this.operations = operations;
        this.admin = admin;
        this.reports = reports;
        this.rooms = rooms;
        this.bodies = bodies;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/approvals", ctx -> Paging.answerSorted(ctx, "approvals",
                operations.approvalQueue(CurrentUser.actor(ctx)),
                r -> Paging.byInstantThenId(r.slot().start(), r.id()), this::json));
        routes.post("/api/v1/reservations/{id}/approve", ctx -> ctx.json(json(operations.approve(CurrentUser.actor(ctx),
                ctx.pathParam("id"), reason(ctx)))));
        routes.post("/api/v1/reservations/{id}/decline", ctx -> ctx.json(json(operations.decline(CurrentUser.actor(ctx),
                ctx.pathParam("id"), reason(ctx)))));
        routes.post("/api/v1/reservations/{id}/check-in", ctx -> ctx.json(json(operations.checkIn(CurrentUser.actor(ctx),
                ctx.pathParam("id")))));
        routes.get("/api/v1/rooms/{id}/operations", ctx -> ctx.json(OpsJson.RoomSettings.of(
                admin.settings(ctx.pathParam("id")), admin.hasDisplay(ctx.pathParam("id")))));
        routes.put("/api/v1/rooms/{id}/operations", this::updateRoom);
        routes.get("/api/v1/rooms/{id}/display-token", ctx -> ctx.header("Cache-Control", "no-store")
                .json(OpsJson.DisplayStatus.of(admin.display(CurrentUser.actor(ctx), ctx.pathParam("id")))));
        routes.post("/api/v1/rooms/{id}/display-token", ctx -> {
            String roomId = ctx.pathParam("id");
            String token = admin.newDisplayToken(CurrentUser.actor(ctx), roomId);
            ctx.status(201).header("Cache-Control", "no-store")
                    .json(new OpsJson.DisplayToken(roomId, token, DisplayRoutes.url(roomId, token)));
        });
        routes.delete("/api/v1/rooms/{id}/display-token", ctx -> {
            admin.revokeDisplayToken(CurrentUser.actor(ctx), ctx.pathParam("id"));
            ctx.status(204);
        });
        routes.get("/api/v1/quotas", ctx -> Paging.answerSorted(ctx, "quotas", admin.quotas(CurrentUser.actor(ctx)),
                q -> List.of(q.scope(), q.scope()), OpsJson.Quota::of));
        routes.put("/api/v1/quotas/{scope}", ctx -> {
            OpsJson.QuotaBody body = bodies.read(ctx, OpsJson.QuotaBody.class);
            ctx.json(admin.setQuota(CurrentUser.actor(ctx), ctx.pathParam("scope"),
                    Optional.ofNullable(body.hoursPerWeek()), Optional.ofNullable(body.openAtOnce()))
                    .map(OpsJson.Quota::of).orElse(new OpsJson.Quota(ctx.pathParam("scope"), null, null)));
        });
        routes.delete("/api/v1/quotas/{scope}", ctx -> {
            admin.setQuota(CurrentUser.actor(ctx), ctx.pathParam("scope"), Optional.empty(), Optional.empty());
            ctx.status(204);
        });
        routes.get("/api/v1/reports/usage", this::usage);
    }

    private void updateRoom(Context ctx) {
        String roomId = ctx.pathParam("id");
        OpsJson.RoomSettingsBody b = bodies.read(ctx, OpsJson.RoomSettingsBody.class);
        var current = admin.settings(roomId);
        var saved = admin.update(CurrentUser.actor(ctx), roomId,
                b.requiresApproval() == null ? current.requiresApproval() : b.requiresApproval(),
                b.approvers() == null ? current.approvers() : new HashSet<>(b.approvers()),
                b.checkInBeforeMinutes() == null ? current.checkInBefore() : Duration.ofMinutes(b.checkInBeforeMinutes()),
                b.checkInAfterMinutes() == null ? current.checkInAfter() : Duration.ofMinutes(b.checkInAfterMinutes()),
                b.autoRelease() == null ? current.autoRelease() : b.autoRelease());
        ctx.json(OpsJson.RoomSettings.of(saved, admin.hasDisplay(roomId)));
    }

    private void usage(Context ctx) {
        Params p = new Params();
        Optional<Instant> from = p.instant("from", ctx.queryParam("from"), true);
        Optional<Instant> to = p.instant("to", ctx.queryParam("to"), true);
        p.throwIfAny();
        UsageReports.Report report = reports.report(CurrentUser.actor(ctx), from.get(), to.get());
        if ("csv".equals(ctx.queryParam("format"))) {
            ctx.contentType("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"usage.csv\"").result(UsageExport.csv(report));
            return;
        }
        ctx.json(OpsJson.Usage.of(report));
    }

    private String reason(Context ctx) {
        if (ctx.bodyAsBytes().length == 0) {
            return null;
        }
        String reason = bodies.read(ctx, OpsJson.Decision.class).reason();
        if (reason != null && reason.length() > 500) {
            throw new InvalidInputException("reason", "a reason is at most 500 characters");
        }
        return reason;
    }

    private OpsJson.OpsReservation json(Reservation r) {
        Room room;
        try {
            room = rooms.get(r.roomId());
        } catch (RoomNotFoundException gone) {
            room = null;
        }
        return OpsJson.OpsReservation.of(r, room);
    }
}
