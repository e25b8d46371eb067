package dev.reservation.web.pages.view;

import java.util.List;
import java.util.Map;

/**
 * {@code /account/tokens}: the user's personal API tokens (never their secrets), the one just
 * created (its secret, shown this once), the scopes the user may pick, and a notice. Immutable.
 */
public record TokensView(List<Row> tokens, Created created, List<String> scopes, Map<String, String> errors,
                         String notice) {
    public TokensView {
        tokens = List.copyOf(tokens);
        scopes = List.copyOf(scopes);
        errors = Map.copyOf(errors);
    }

    /** One token as listed. */
    public record Row(String id, String name, String scope, String created, String lastUsed) {
    }

    /** A token just created: shown once. */
    public record Created(String name, String scope, String token) {
    }

    public String error(String field) {
        return errors.get(field);
    }
}
