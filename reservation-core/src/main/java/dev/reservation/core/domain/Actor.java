package dev.reservation.core.domain;

/** Who is asking: passed explicitly to every operation whose outcome depends on the caller. */
public record Actor(String userId, Role role) {
    public Actor {
        userId = InvalidInputException.requireText("actor", userId, 64);
        if (role == null) {
            throw new InvalidInputException("actor", "actor role is required");
        }
    }

    /**
     * Whoever runs a local tool against the embedded store on their own machine: acts with ADMIN
     * rights and is recorded as "local-operator". Frontends decide when it applies.
     */
    public static final Actor LOCAL_OPERATOR = new Actor("local-operator", Role.ADMIN);

    public static Actor of(User user) {
        return new Actor(user.id(), user.role());
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
