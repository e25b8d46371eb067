package dev.reservation.web.pages.view;

import dev.reservation.core.domain.User;
import dev.reservation.core.service.DemoData;
import java.util.List;

/**
 * The demo accounts a store was seeded with and their well-known password, bound only on the
 * embedded default (where {@code Startup} gives them that password): the sign-in page lists them
 * so a new user can try the app. Absent everywhere else. Immutable, so thread-safe.
 */
public record DemoAccounts(List<User> users, String password) {
    public static final DemoAccounts NONE = new DemoAccounts(List.of(), null);

    public DemoAccounts {
        users = List.copyOf(users);
    }

    public static DemoAccounts seeded() {
        return new DemoAccounts(DemoData.USERS, DemoData.PASSWORD);
    }

    public boolean any() {
        return !users.isEmpty();
    }
}
