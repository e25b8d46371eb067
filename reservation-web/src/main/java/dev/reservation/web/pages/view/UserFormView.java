package dev.reservation.web.pages.view;

import java.util.Map;

/**
 * An ADMIN's form for a new user ({@code id} null) or an existing one, values as entered, with
 * field errors and a notice. Immutable, so thread-safe.
 */
public record UserFormView(String id, String name, String email, String role, boolean active,
                           Map<String, String> errors, String notice) {
    public UserFormView {
        errors = Map.copyOf(errors);
    }

    public boolean isNew() {
        return id == null;
    }

    public String error(String field) {
        return errors.get(field);
    }
}
