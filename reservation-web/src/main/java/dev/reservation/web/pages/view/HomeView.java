package dev.reservation.web.pages.view;

import java.util.List;

/** The home page: what the app is connected to and the free-room finder. Immutable, so thread-safe. */
public record HomeView(String storeKind, String storeSummary, boolean writable, FinderForm finder,
                       List<String> zones, List<String> equipment) {
}
