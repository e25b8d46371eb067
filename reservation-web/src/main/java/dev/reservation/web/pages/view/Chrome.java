package dev.reservation.web.pages.view;

import dev.reservation.web.api.UserDto;
import java.util.List;

/**
 * What every page's layout needs: title, current path (for the nav and the "acting as" form's way
 * back), the CSRF token for forms, and the acting-user selector.
 *
 * @param actingAs the user the page acts as, or null when none is chosen
 * Immutable, so thread-safe.
 */
public record Chrome(String title, String path, String csrf, UserDto actingAs, List<UserDto> users) {
    public Chrome {
        users = List.copyOf(users);
    }

    /** CSS class for a nav link: "active" when the current path is under {@code prefix}. */
    public String nav(String prefix) {
        boolean active = prefix.equals("/") ? path.equals("/") : path.equals(prefix) || path.startsWith(prefix + "/");
        return active ? "active" : "";
    }

    public boolean isActing(String userId) {
        return actingAs != null && actingAs.id().equals(userId);
    }
}
