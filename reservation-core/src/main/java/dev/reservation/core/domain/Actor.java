package dev.reservation.core.domain;

/** Who is asking: passed explicitly to every operation whose outcome depends on the caller. */
public record Actor(String userId, Role role) {
    public Actor {
        userId = InvalidInputException.requireText("actor", userId, 64);
        if (role == null) {
            throw new InvalidInputException("actor", "actor role is required");
        }
    }

    public static Actor of(User user) {
        return new Actor(user.id(), user.role());
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
