package dev.reservation.cli.store;

/**
 * Opens the store a command runs against. The CLI opens it once per invocation, and only when a
 * command needs it ({@code --help} and {@code completion} never do). Tests pass their own.
 */
@FunctionalInterface
public interface StoreFactory {
    /**
     * @throws dev.reservation.core.domain.StoreUnavailableException when the store cannot be reached
     */
    StoreConnection open(StoreSelection selection);
}
