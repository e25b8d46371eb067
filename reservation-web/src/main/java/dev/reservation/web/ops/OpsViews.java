package dev.reservation.web.ops;

import java.util.List;

/** The views of the room-operations pages (JTE parameters). Immutable. */
public final class OpsViews {
    private OpsViews() {
    }

    public record Request(String id, String roomName, String when, String userName, String title, int attendees) {
    }

    public record Approvals(List<Request> requests, String notice) {
    }

    /**
     * A room's operations page; {@code displayIssued} and {@code displayLastUsed} describe its display
     * token (null when it has none, or only one of an older version: {@code legacyDisplay}).
     */
    public record RoomOps(String roomId, String roomName, boolean requiresApproval, String approvers,
                          long checkInBefore, long checkInAfter, boolean autoRelease, boolean hasDisplay,
                          String displayUrl, String notice, boolean legacyDisplay, String displayIssued,
                          String displayLastUsed) {
    }

    public record QuotaRow(String scope, String scopeName, String hoursPerWeek, String openAtOnce) {
    }

    public record Quotas(List<QuotaRow> rules, List<RoomChoice> rooms, String notice) {
    }

    public record RoomChoice(String id, String name) {
    }

    public record ReportRow(String name, String location, String booked, String open, String occupancy,
                            long confirmed, long noShows, String noShowRate, long cancelled, long declined,
                            long expired, long pending) {
    }

    public record Report(String from, String to, List<ReportRow> rooms, List<ReportRow> locations, ReportRow total,
                         String barsSvg, String heatSvg, String csvUrl) {
    }
}
