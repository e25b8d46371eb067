package dev.reservation.harness.cluster;

import com.github.dockerjava.api.DockerClient;
import org.testcontainers.containers.GenericContainer;

/**
 * A member that is a Docker container: SIGKILL through {@code docker kill}, clean stop through
 * {@code docker stop}, freeze through {@code docker pause} (the cgroup freezer: the same effect as
 * SIGSTOP on every process inside), restart through {@code docker start} (same container, same data).
 * Thread-safe.
 */
final class ContainerMember implements MemberHandle {
    private final String host;
    private final GenericContainer<?> container;
    private final DockerClient docker;
    private boolean frozen;

    ContainerMember(String host, GenericContainer<?> container, DockerClient docker) {
        this.host = host;
        this.container = container;
        this.docker = docker;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public synchronized void kill() {
        docker.killContainerCmd(container.getContainerId()).withSignal("SIGKILL").exec();
        frozen = false;
    }

    @Override
    public synchronized void terminate() {
        if (frozen) {
            thaw();
        }
        docker.stopContainerCmd(container.getContainerId()).withTimeout(90).exec();
    }

    @Override
    public synchronized void freeze() {
        docker.pauseContainerCmd(container.getContainerId()).exec();
        frozen = true;
    }

    @Override
    public synchronized void thaw() {
        docker.unpauseContainerCmd(container.getContainerId()).exec();
        frozen = false;
    }

    @Override
    public synchronized void start() {
        docker.startContainerCmd(container.getContainerId()).exec();
    }

    @Override
    public synchronized boolean running() {
        Boolean running = docker.inspectContainerCmd(container.getContainerId()).exec().getState().getRunning();
        return Boolean.TRUE.equals(running);
    }

    @Override
    public synchronized boolean frozen() {
        return frozen;
    }

    synchronized void remove() {
        if (frozen) {
            thaw();
        }
        container.stop();
    }
}
