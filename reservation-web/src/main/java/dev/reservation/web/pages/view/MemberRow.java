package dev.reservation.web.pages.view;

/** A cluster member as the page shows it, every value already as text. Immutable, so thread-safe. */
public record MemberRow(String host, String state, boolean healthy, String lag, String lastHeartbeat, String ping,
                        String optime) {
}
