package dev.reservation.cli.store;

import dev.reservation.core.wiring.InMemoryStoreModule;

/**
 * A fresh in-memory store per invocation: nothing outlives the process. For demos and for running
 * the CLI before a database adapter is wired; the flags of the selection are ignored. Thread-safe.
 */
public final class InMemoryStoreFactory implements StoreFactory {
    @Override
    public StoreConnection open(StoreSelection selection) {
        return StoreConnection.of(new InMemoryStoreModule(), () -> { });
    }
}
