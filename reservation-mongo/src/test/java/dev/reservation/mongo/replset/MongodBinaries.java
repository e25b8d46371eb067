package dev.reservation.mongo.replset;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds a {@code mongod} binary: {@code MONGOD_BIN} (the binary or its directory), else the PATH. */
public final class MongodBinaries {
    private MongodBinaries() {
    }

    public static Optional<Path> find() {
        String configured = System.getenv("MONGOD_BIN");
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured.strip());
            Path binary = Files.isDirectory(p) ? p.resolve("mongod") : p;
            return Files.isExecutable(binary) ? Optional.of(binary) : Optional.empty();
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                Path candidate = Path.of(dir, "mongod");
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
