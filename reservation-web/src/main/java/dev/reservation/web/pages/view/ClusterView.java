package dev.reservation.web.pages.view;

import java.util.List;

/**
 * The /cluster page. {@code banner} is "no-primary" while writes cannot go anywhere, "embedded"
 * or "in-memory" for single-process stores, and "ok" for a replica set with a primary.
 * Immutable, so thread-safe.
 */
public record ClusterView(String kind, String setName, String summary, String source, String observedAt,
                          String banner, String primary, List<MemberRow> members, int refreshSeconds,
                          long primaryWaitSeconds) {
}
