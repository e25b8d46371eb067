package dev.reservation.core.ops;

import dev.reservation.core.auth.ApiToken;
import dev.reservation.core.auth.Permissions;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.RoomNotFoundException;
import dev.reservation.core.domain.UserNotFoundException;
import dev.reservation.core.service.ApiTokens;
import dev.reservation.core.store.RoomStore;
import dev.reservation.core.store.UserStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an ADMIN sets for room operations: a room's approval, approvers, check-in window, auto-release
 * and door-display token (an API token of scope display for the room, through {@link ApiTokens}),
 * and the quota rules. Permissions are checked here. Thread-safe.
 */
public final class RoomOperationsAdmin {
    private final RoomOperationsStore settings;
    private final QuotaStore quotas;
    private final RoomStore rooms;
    private final UserStore users;
    private final ApiTokens tokens;

    /** The room's door display as an admin sees it: its token (never the secret), or an older version's. */
    public record Display(String roomId, Optional<ApiToken> token, boolean legacy) {
        public boolean active() {
            return token.isPresent() || legacy;
        }
    }

    public RoomOperationsAdmin(RoomOperationsStore settings, QuotaStore quotas, RoomStore rooms, UserStore users,
                               ApiTokens tokens) {
        this.settings = settings;
        this.quotas = quotas;
        this.rooms = rooms;
        this.users = users;
        this.tokens = tokens;
    }

    /** A room's settings (saved, or the defaults); anyone may read them (the door page and forms need them). */
    public RoomOperations settings(String roomId) {
        rooms.findById(roomId).orElseThrow(() -> new RoomNotFoundException(roomId));
        return settings.find(roomId).orElseGet(() -> RoomOperations.defaults(roomId));
    }

    /** Saves a room's settings, keeping its display token. Approvers must be existing users. */
    public RoomOperations update(Actor actor, String roomId, boolean requiresApproval, Set<String> approvers,
                                 Duration checkInBefore, Duration checkInAfter, boolean autoRelease) {
        Permissions.require(actor, Permissions.Operation.MANAGE_ROOMS, null);
        RoomOperations current = settings(roomId);
        for (String u : approvers) {
            users.findById(u).orElseThrow(() -> new UserNotFoundException(u));
        }
        RoomOperations next = new RoomOperations(roomId, requiresApproval, approvers, checkInBefore, checkInAfter,
                autoRelease, current.displayTokenHash());
        settings.put(next);
        return next;
    }

    /**
     * Issues a new door-display token for the room, an API token of scope display (the room's older
     * display tokens, and an older version's hash, stop working); returns it, shown only now.
     */
    public String newDisplayToken(Actor actor, String roomId) {
        Permissions.require(actor, Permissions.Operation.MANAGE_ROOMS, null);
        Room room = rooms.findById(roomId).orElseThrow(() -> new RoomNotFoundException(roomId));
        String token = tokens.issueDisplay(actor, roomId, "Door display of " + room.name()).token();
        clearLegacyToken(roomId);
        return token;
    }

    /** Revokes the room's door-display token (and an older version's hash, if the room still has one). */
    public void revokeDisplayToken(Actor actor, String roomId) {
        Permissions.require(actor, Permissions.Operation.MANAGE_ROOMS, null);
        settings(roomId);
        tokens.revokeDisplay(actor, roomId);
        clearLegacyToken(roomId);
    }

    /** The room's door display for an ADMIN: when its token was issued and last used. */
    public Display display(Actor actor, String roomId) {
        Permissions.require(actor, Permissions.Operation.MANAGE_ROOMS, null);
        RoomOperations ops = settings(roomId);
        List<ApiToken> current = tokens.displayTokens(roomId);
        return new Display(roomId, current.isEmpty() ? Optional.empty() : Optional.of(current.get(current.size() - 1)),
                ops.hasLegacyDisplayToken());
    }

    /** Whether the room has a door display (a display token, or an older version's); anyone may ask. */
    public boolean hasDisplay(String roomId) {
        return settings(roomId).hasLegacyDisplayToken() || !tokens.displayTokens(roomId).isEmpty();
    }

    private void clearLegacyToken(String roomId) {
        RoomOperations ops = settings(roomId);
        if (ops.hasLegacyDisplayToken()) {
            settings.put(ops.withDisplayTokenHash(null));
        }
    }

    public List<QuotaRule> quotas(Actor actor) {
        Permissions.require(actor, Permissions.Operation.MANAGE_QUOTAS, null);
        return quotas.all();
    }

    /**
     * Sets the quota of {@code scope} ({@link QuotaRule#GLOBAL} or a room id); both limits empty removes it.
     * Hours may have a fraction (1.5 = 90 minutes).
     */
    public Optional<QuotaRule> setQuota(Actor actor, String scope, Optional<Double> hoursPerWeek,
                                        Optional<Integer> openAtOnce) {
        Permissions.require(actor, Permissions.Operation.MANAGE_QUOTAS, null);
        if (scope == null || scope.isBlank()) {
            throw new InvalidInputException("scope", "a quota applies to every room (*) or to one room id");
        }
        if (!QuotaRule.GLOBAL.equals(scope)) {
            rooms.findById(scope).orElseThrow(() -> new RoomNotFoundException(scope));
        }
        if (hoursPerWeek.isEmpty() && openAtOnce.isEmpty()) {
            quotas.remove(scope);
            return Optional.empty();
        }
        QuotaRule rule = new QuotaRule(scope, hoursPerWeek.map(h -> Math.round(h * 60)), openAtOnce);
        quotas.put(rule);
        return Optional.of(rule);
    }
}
