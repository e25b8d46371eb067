package dev.reservation.web.ops;

import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.User;
import dev.reservation.core.ops.OperationsService;
import dev.reservation.core.ops.QuotaRule;
import dev.reservation.core.ops.RoomOperations;
import dev.reservation.core.ops.RoomOperationsAdmin;
import dev.reservation.core.ops.UsageReports;
import dev.reservation.core.service.RoomService;
import dev.reservation.core.service.UserService;
import dev.reservation.web.auth.CurrentUser;
import dev.reservation.web.pages.Format;
import dev.reservation.web.pages.Pages;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The room-operations pages: the approval queue ({@code /approvals}), a room's operations settings
 * ({@code /rooms/{id}/operations}, ADMIN), quotas ({@code /quotas}, ADMIN), the usage report with
 * charts and CSV ({@code /reports}, ADMIN), and check-in from a reservation's page. Permissions are
 * the core's. Thread-safe.
 */
public final class OpsPages {
    private final Pages pages;
    private final OperationsService operations;
    private final RoomOperationsAdmin admin;
    private final UsageReports reports;
    private final RoomService rooms;
    private final UserService users;
    private final Clock clock;

    public OpsPages(Pages pages, OperationsService operations, RoomOperationsAdmin admin, UsageReports reports,
                    RoomService rooms, UserService users, Clock clock) {
        this.pages = pages;
        this.operations = operations;
        this.admin = admin;
        this.reports = reports;
        this.rooms = rooms;
        this.users = users;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/approvals", this::approvals);
        routes.post("/approvals/{id}/approve", ctx -> {
            operations.approve(CurrentUser.actor(ctx), ctx.pathParam("id"), ctx.formParam("reason"));
            ctx.redirect("/approvals?done=approved", HttpStatus.SEE_OTHER);
        });
        routes.post("/approvals/{id}/decline", ctx -> {
            operations.decline(CurrentUser.actor(ctx), ctx.pathParam("id"), ctx.formParam("reason"));
            ctx.redirect("/approvals?done=declined", HttpStatus.SEE_OTHER);
        });
        routes.post("/reservations/{id}/check-in", ctx -> {
            operations.checkIn(CurrentUser.actor(ctx), ctx.pathParam("id"));
            ctx.redirect("/reservations/" + ctx.pathParam("id") + "/operations?done=checked-in", HttpStatus.SEE_OTHER);
        });
        routes.get("/reservations/{id}/operations", this::reservationOps);
        routes.get("/rooms/{id}/operations", this::roomOps);
        routes.post("/rooms/{id}/operations", this::saveRoomOps);
        routes.post("/rooms/{id}/display-token", this::newToken);
        routes.post("/rooms/{id}/display-token/revoke", ctx -> {
            admin.revokeDisplayToken(CurrentUser.actor(ctx), ctx.pathParam("id"));
            ctx.redirect("/rooms/" + ctx.pathParam("id") + "/operations?done=display-revoked", HttpStatus.SEE_OTHER);
        });
        routes.get("/quotas", this::quotas);
        routes.post("/quotas", this::saveQuota);
        routes.get("/reports", this::report);
    }

    private void approvals(Context ctx) {
        Actor actor = CurrentUser.actor(ctx);
        Map<String, Room> byRoom = rooms.list().stream().collect(Collectors.toMap(Room::id, Function.identity()));
        Map<String, User> byUser = users.list().stream().collect(Collectors.toMap(User::id, Function.identity()));
        List<OpsViews.Request> requests = operations.approvalQueue(actor).stream().map(r -> {
            Room room = byRoom.get(r.roomId());
            return new OpsViews.Request(r.id(), room == null ? r.roomId() : room.name(),
                    Format.slot(r.slot(), room == null ? ZoneOffset.UTC : room.zone()),
                    Optional.ofNullable(byUser.get(r.userId())).map(User::name).orElse(r.userId()), r.title(),
                    r.attendees());
        }).toList();
        String done = ctx.queryParam("done");
        pages.page(ctx, "approvals.jte", "Approvals", new OpsViews.Approvals(requests,
                done == null ? null : "approved".equals(done) ? "Approved." : "Declined; the slot is free again."));
    }

    /** A reservation's operations: its status, check-in window, and the check-in button. */
    private void reservationOps(Context ctx) {
        Actor actor = CurrentUser.actor(ctx);
        String id = ctx.pathParam("id");
        Reservation r = operations.reservationFor(actor, id);
        Room room = rooms.get(r.roomId());
        RoomOperations ops = operations.settings(r.roomId());
        pages.page(ctx, "reservation-ops.jte", r.title(), Map.of(
                "id", r.id(), "roomName", room.name(), "when", Format.slot(r.slot(), room.zone()),
                "status", r.status().name(),
                "window", Format.moment(ops.checkInOpens(r.slot().start()), room.zone()) + " – "
                        + Format.moment(ops.checkInCloses(r.slot().start()), room.zone()),
                "checkedIn", r.checkedInAt() == null ? "" : Format.moment(r.checkedInAt(), room.zone()),
                "audit", audit(r, room),
                "canCheckIn", r.isConfirmed() && r.checkedInAt() == null,
                "notice", "checked-in".equals(ctx.queryParam("done")) ? "Checked in." : ""));
    }

    private static String audit(Reservation r, Room room) {
        StringBuilder s = new StringBuilder();
        if (r.approvedBy() != null) {
            s.append("Approved by ").append(r.approvedBy()).append(" at ").append(Format.moment(r.approvedAt(), room.zone()));
        }
        if (r.status().isFinal()) {
            s.append(s.isEmpty() ? "" : "; ").append(r.status().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .append(" by ").append(r.cancelledBy()).append(" at ").append(Format.moment(r.cancelledAt(), room.zone()));
        }
        if (r.reason() != null) {
            s.append(s.isEmpty() ? "" : "; ").append("reason: ").append(r.reason());
        }
        return s.toString();
    }

    private void roomOps(Context ctx) {
        String roomId = ctx.pathParam("id");
        requireAdmin(ctx);
        Room room = rooms.get(roomId);
        RoomOperations s = admin.settings(roomId);
        String token = ctx.queryParam("token");
        RoomOperationsAdmin.Display display = admin.display(CurrentUser.actor(ctx), roomId);
        String done = ctx.queryParam("done");
        pages.page(ctx, "room-ops.jte", room.name() + " · operations", new OpsViews.RoomOps(roomId, room.name(),
                s.requiresApproval(), String.join(", ", s.approvers().stream().sorted().toList()),
                s.checkInBefore().toMinutes(), s.checkInAfter().toMinutes(), s.autoRelease(), display.active(),
                token == null ? null : DisplayRoutes.url(roomId, token),
                "saved".equals(done) ? "Saved." : "display-revoked".equals(done)
                        ? "Display token revoked: the door display stops working (on other app instances within seconds)."
                        : null,
                display.legacy() && display.token().isEmpty(),
                display.token().map(t -> Format.moment(t.createdAt(), room.zone())).orElse(null),
                display.token().map(t -> t.lastUsedAt() == null ? "never" : Format.moment(t.lastUsedAt(), room.zone()))
                        .orElse(null)));
    }

    private void saveRoomOps(Context ctx) {
        String roomId = ctx.pathParam("id");
        Set<String> approvers = new LinkedHashSet<>();
        Map<String, String> byEmail = users.list().stream().collect(Collectors.toMap(
                u -> u.email().toLowerCase(Locale.ROOT), User::id, (a, b) -> a));
        for (String part : Optional.ofNullable(ctx.formParam("approvers")).orElse("").split("[,\\s]+")) {
            if (!part.isBlank()) {
                approvers.add(byEmail.getOrDefault(part.toLowerCase(Locale.ROOT), part));
            }
        }
        admin.update(CurrentUser.actor(ctx), roomId, ctx.formParam("requiresApproval") != null, approvers,
                Duration.ofMinutes(minutes(ctx.formParam("checkInBefore"), "checkInBefore")),
                Duration.ofMinutes(minutes(ctx.formParam("checkInAfter"), "checkInAfter")),
                ctx.formParam("autoRelease") != null);
        ctx.redirect("/rooms/" + roomId + "/operations?done=saved", HttpStatus.SEE_OTHER);
    }

    private void newToken(Context ctx) {
        String roomId = ctx.pathParam("id");
        String token = admin.newDisplayToken(CurrentUser.actor(ctx), roomId);
        pages.page(ctx, "display-token.jte", "Door display link", Map.of("roomId", roomId,
                "url", DisplayRoutes.url(roomId, token)));
    }

    private void quotas(Context ctx) {
        Actor actor = CurrentUser.actor(ctx);
        Map<String, Room> byRoom = rooms.list().stream().collect(Collectors.toMap(Room::id, Function.identity()));
        List<OpsViews.QuotaRow> rows = admin.quotas(actor).stream().map(q -> new OpsViews.QuotaRow(q.scope(),
                q.global() ? "Every room" : Optional.ofNullable(byRoom.get(q.scope())).map(Room::name).orElse(q.scope()),
                q.minutesPerWeek().map(m -> UsageExport.num(m / 60.0) + " h").orElse("—"),
                q.openAtOnce().map(String::valueOf).orElse("—"))).toList();
        pages.page(ctx, "quotas.jte", "Quotas", new OpsViews.Quotas(rows, byRoom.values().stream()
                .map(r -> new OpsViews.RoomChoice(r.id(), r.name())).toList(),
                "saved".equals(ctx.queryParam("done")) ? "Saved." : null));
    }

    private void saveQuota(Context ctx) {
        String scope = Optional.ofNullable(ctx.formParam("scope")).filter(s -> !s.isBlank()).orElse(QuotaRule.GLOBAL);
        admin.setQuota(CurrentUser.actor(ctx), scope, decimal(ctx.formParam("hoursPerWeek"), "hoursPerWeek"),
                Optional.ofNullable(ctx.formParam("openAtOnce")).filter(s -> !s.isBlank())
                        .map(s -> (int) minutes(s, "openAtOnce")));
        ctx.redirect("/quotas?done=saved", HttpStatus.SEE_OTHER);
    }

    private void report(Context ctx) {
        Actor actor = CurrentUser.actor(ctx);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate from = date(ctx.queryParam("from"), today.minusDays(30), "from");
        LocalDate to = date(ctx.queryParam("to"), today.plusDays(1), "to");
        Instant a = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant b = to.atStartOfDay(ZoneOffset.UTC).toInstant();
        UsageReports.Report r = reports.report(actor, a, b);
        pages.page(ctx, "report.jte", "Usage", new OpsViews.Report(from.toString(), to.toString(),
                r.rooms().stream().map(OpsPages::row).toList(), r.locations().stream().map(OpsPages::row).toList(),
                row(r.total()), UsageExport.occupancyBars(r), UsageExport.heatMap(r),
                "/api/v1/reports/usage?format=csv&from=" + a + "&to=" + b));
    }

    private static OpsViews.ReportRow row(UsageReports.Line l) {
        return new OpsViews.ReportRow(l.name(), l.location(), UsageExport.num(l.bookedHours()),
                UsageExport.num(l.openHours()), UsageExport.pct(l.occupancy()), l.confirmed(), l.autoReleased(),
                UsageExport.pct(l.noShowRate()), l.cancelled(), l.declined(), l.expired(), l.pending());
    }

    private static LocalDate date(String raw, LocalDate fallback, String field) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(field, field + " must be a date like 2026-03-02");
        }
    }

    private static long minutes(String raw, String field) {
        try {
            return Long.parseLong(raw == null ? "" : raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, field + " must be a whole number");
        }
    }

    private static Optional<Double> decimal(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(raw.strip()));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, field + " must be a number of hours, e.g. 10 or 7.5");
        }
    }

    private static void requireAdmin(Context ctx) {
        dev.reservation.core.auth.Permissions.require(CurrentUser.actor(ctx),
                dev.reservation.core.auth.Permissions.Operation.MANAGE_ROOMS, null);
    }
}
