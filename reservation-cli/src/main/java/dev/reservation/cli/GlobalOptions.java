package dev.reservation.cli;

import java.nio.file.Path;
import java.util.Optional;

/** The options every command accepts, wherever they stand on the command line. */
public interface GlobalOptions {
    Optional<String> mongoUri();

    Optional<Path> dataDir();

    boolean json();

    boolean verbose();

    /** The {@code --as} user's email, if given; otherwise the local operator acts (embedded store only). */
    Optional<String> actingAs();
}
