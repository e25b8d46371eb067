package dev.reservation.core.service;

import dev.reservation.core.domain.Role;

/** What it takes to create a user; the id is assigned by {@link UserService}. */
public record NewUser(String name, String email, Role role) {
}
