package dev.reservation.web.pages.view;

import dev.reservation.web.api.UserDto;

/**
 * What every page's layout needs: title, current path (for the nav), the CSRF token for forms,
 * who is signed in, whether local passwords are on (password forms and the API's Basic
 * sign-in exist only then), and on the embedded default the demo accounts (for the sign-in page).
 *
 * @param me the signed-in user, or null on the sign-in page and on errors before sign-in
 * Immutable, so thread-safe.
 */
public record Chrome(String title, String path, String csrf, UserDto me, boolean passwords, DemoAccounts demo) {

    public Chrome(String title, String path, String csrf, UserDto me, boolean passwords) {
        this(title, path, csrf, me, passwords, DemoAccounts.NONE);
    }

    /** CSS class for a nav link: "active" when the current path is under {@code prefix}. */
    public String nav(String prefix) {
        boolean active = prefix.equals("/") ? path.equals("/") : path.equals(prefix) || path.startsWith(prefix + "/");
        return active ? "active" : "";
    }

    public boolean signedIn() {
        return me != null;
    }

    public boolean admin() {
        return me != null && "ADMIN".equals(me.role());
    }

    public boolean isMe(String userId) {
        return me != null && me.id().equals(userId);
    }
}
