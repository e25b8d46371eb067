package dev.reservation.web.pages.view;

import dev.reservation.web.api.UserDto;
import java.util.List;

/** The /users page, with a notice after a change. Immutable, so thread-safe. */
public record UsersView(List<UserDto> users, String notice) {
}
