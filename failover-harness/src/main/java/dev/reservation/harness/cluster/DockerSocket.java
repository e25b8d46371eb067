package dev.reservation.harness.cluster;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a Docker daemon could be there at all, checked without Testcontainers: its probe logs an
 * ERROR ("Could not find a valid Docker environment") on every machine without Docker, which
 * reads like a failure in a green build. Only when a socket or DOCKER_HOST exists is Testcontainers
 * asked. Stateless; thread-safe.
 */
public final class DockerSocket {
    private DockerSocket() {
    }

    public static boolean mayExist() {
        if (System.getenv("DOCKER_HOST") != null) {
            return true;
        }
        String home = System.getProperty("user.home", "");
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        return Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(home, ".docker", "run", "docker.sock"))
                || Files.exists(Path.of(home, ".testcontainers.properties"))
                || runtime != null && Files.exists(Path.of(runtime, "docker.sock"));
    }
}
