package dev.reservation.harness.cluster;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * A member of an external replica set: killed and started by shell commands the user supplies
 * ({@code --kill-hook}, {@code --start-hook}; {@code {host}} and {@code {port}} are replaced, and the
 * environment carries {@code MEMBER_HOST} and {@code MEMBER_PORT}); shut down cleanly with the
 * {@code shutdown} command; never frozen (no remote SIGSTOP). Thread-safe.
 */
final class HookMember implements MemberHandle {
    private static final long HOOK_TIMEOUT_SECONDS = 120;
    private final String host;
    private final Optional<String> killHook;
    private final Optional<String> startHook;
    private final MemberClients admin;

    HookMember(String host, Optional<String> killHook, Optional<String> startHook, MemberClients admin) {
        this.host = host;
        this.killHook = killHook;
        this.startHook = startHook;
        this.admin = admin;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public void kill() {
        run("--kill-hook", killHook);
    }

    @Override
    public void terminate() {
        try {
            admin.command(host, new Document("shutdown", 1));
        } catch (RuntimeException expected) {
            // the server closes the connection as it goes down; running() tells whether it did
        }
    }

    @Override
    public void freeze() {
        throw new UnsupportedFaultException("an external member cannot be frozen (no remote SIGSTOP)");
    }

    @Override
    public void thaw() {
        throw new UnsupportedFaultException("an external member cannot be frozen (no remote SIGSTOP)");
    }

    @Override
    public void start() {
        run("--start-hook", startHook);
    }

    @Override
    public boolean running() {
        return admin.tryCommand(host, new Document("ping", 1)).isPresent();
    }

    @Override
    public boolean frozen() {
        return false;
    }

    private void run(String flag, Optional<String> hook) {
        String command = hook.orElseThrow(() -> new UnsupportedFaultException(
                "this fault needs " + flag + " to act on an external member"));
        String port = host.substring(host.lastIndexOf(':') + 1);
        String hostname = host.substring(0, host.lastIndexOf(':'));
        ProcessBuilder builder = new ProcessBuilder("sh", "-c",
                command.replace("{host}", hostname).replace("{port}", port)).inheritIO();
        builder.environment().put("MEMBER_HOST", hostname);
        builder.environment().put("MEMBER_PORT", port);
        try {
            Process process = builder.start();
            if (!process.waitFor(HOOK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(flag + " did not finish within " + HOOK_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(flag + " exited with " + process.exitValue() + " for " + host);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + flag + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(flag + " interrupted", e);
        }
    }
}
