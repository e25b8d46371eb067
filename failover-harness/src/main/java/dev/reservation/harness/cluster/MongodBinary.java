package dev.reservation.harness.cluster;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Finds the {@code mongod} to run: {@code --mongod-bin}, else {@code MONGOD_BIN}, else the PATH. */
public final class MongodBinary {
    private MongodBinary() {
    }

    /** A file, or a directory holding {@code mongod}. */
    public static Optional<Path> find(Optional<Path> flag, Map<String, String> env) {
        if (flag.isPresent()) {
            return executable(flag.get());
        }
        String fromEnv = env.get("MONGOD_BIN");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return executable(Path.of(fromEnv));
        }
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                Optional<Path> found = executable(Path.of(dir, "mongod"));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    public static Path require(Optional<Path> flag, Map<String, String> env) {
        return find(flag, env).orElseThrow(() -> new ClusterStartException(flag.isPresent() || env.containsKey("MONGOD_BIN")
                ? "no executable mongod at " + flag.map(Path::toString).orElse(env.get("MONGOD_BIN"))
                : "local clusters need a mongod binary: pass --mongod-bin, set MONGOD_BIN, or put mongod on the PATH"));
    }

    private static Optional<Path> executable(Path candidate) {
        Path file = Files.isDirectory(candidate) ? candidate.resolve("mongod") : candidate;
        return Files.isRegularFile(file) && Files.isExecutable(file) ? Optional.of(file) : Optional.empty();
    }
}
