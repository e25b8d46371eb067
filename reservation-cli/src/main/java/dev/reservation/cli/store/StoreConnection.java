package dev.reservation.cli.store;

import com.google.inject.Module;

/**
 * An open store: the Guice module binding the store ports ({@code UserStore}, {@code RoomStore},
 * {@code ReservationStore}, {@code CredentialStore}, {@code ClusterInspector}) to it, and the means
 * to close it. The module is installed over the core's, so a binding in it wins over the core's
 * (tests bind a cheaper password hasher that way; the launcher's store binds ports only).
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
