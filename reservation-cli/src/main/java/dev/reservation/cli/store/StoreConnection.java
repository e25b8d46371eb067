package dev.reservation.cli.store;

import com.google.inject.Module;

/**
 * An open store: the Guice module binding the store ports ({@code UserStore}, {@code RoomStore},
 * {@code ReservationStore}, {@code ClusterInspector}) to it, and the means to close it.
 */
public interface StoreConnection extends AutoCloseable {
    Module module();

    /** Releases connections and embedded servers; never throws. */
    @Override
    void close();

    static StoreConnection of(Module module, Runnable onClose) {
        return new StoreConnection() {
            @Override
            public Module module() {
                return module;
            }

            @Override
            public void close() {
                onClose.run();
            }
        };
    }
}
