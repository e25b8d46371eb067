package dev.reservation.web.pages.view;

import dev.reservation.web.api.UserDto;
import java.util.Map;
import java.util.List;

/** The signed-in user's own page: who they are and the password change form. Immutable, so thread-safe. */
public record AccountView(UserDto me, Map<String, String> errors, String notice, String zone, String browserZone,
                          List<String> zones) {
    public AccountView {
        errors = Map.copyOf(errors);
        zones = List.copyOf(zones);
    }

    public AccountView(UserDto me, Map<String, String> errors, String notice) {
        this(me, errors, notice, "", null, List.of());
    }

    public String error(String field) {
        return errors.get(field);
    }
}
