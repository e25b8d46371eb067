package dev.reservation.harness.cluster;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A member that is a child process of the harness (a mongod, or the embedded server's JVM): killed
 * with SIGKILL, terminated with SIGTERM, frozen with SIGSTOP/SIGCONT, restarted with the same command
 * line (same port, same data directory). Output goes to a log file, appended across restarts.
 * Thread-safe (every action is synchronized).
 */
public final class OsProcessMember implements MemberHandle {
    private static final long TERMINATE_WAIT_SECONDS = 90;
    private final String host;
    private final List<String> command;
    private final Path log;
    private Process process;
    private boolean frozen;
    private boolean retired;

    public OsProcessMember(String host, List<String> command, Path log) {
        this.host = host;
        this.command = List.copyOf(command);
        this.log = log;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public synchronized void start() {
        if (retired) {
            throw new IllegalStateException(host + " was torn down; it is not started again");
        }
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(host + " is already running (pid " + process.pid() + ")");
        }
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(log.toFile())).start();
            frozen = false;
        } catch (IOException e) {
            throw new ClusterStartException("cannot start " + command.get(0) + " for " + host + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void kill() {
        Process p = requireRunning();
        p.destroyForcibly();
        awaitExit(p, 30);
        frozen = false;
    }

    @Override
    public synchronized void terminate() {
        Process p = requireRunning();
        if (frozen) {
            thaw();
        }
        p.destroy();
        if (!awaitExit(p, TERMINATE_WAIT_SECONDS)) {
            p.destroyForcibly();
            awaitExit(p, 30);
        }
    }

    @Override
    public synchronized void freeze() {
        signal(requireRunning(), "STOP");
        frozen = true;
    }

    @Override
    public synchronized void thaw() {
        signal(requireRunning(), "CONT");
        frozen = false;
    }

    @Override
    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    @Override
    public synchronized boolean frozen() {
        return frozen && running();
    }

    /**
     * Teardown: thaws a frozen process, terminates it cleanly (SIGKILL if it hangs), and refuses every
     * later start, so that a nemesis still running (e.g. during Ctrl-C) cannot leave a process behind.
     */
    public synchronized void stopQuietly() {
        retired = true;
        if (running()) {
            terminate();
        }
    }

    private Process requireRunning() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException(host + " is not running");
        }
        return process;
    }

    private static void signal(Process p, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + p.pid() + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill -" + signal + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending SIG" + signal, e);
        }
    }

    private static boolean awaitExit(Process p, long seconds) {
        try {
            return p.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
