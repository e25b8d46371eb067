package dev.reservation.cli.input;

/**
 * The command line, or the environment it runs in, does not say enough to run the command (for
 * example {@code --as} without a password source, or a MongoDB URI without {@code --as}). Found
 * after parsing; reported like a parse error, with exit code 2.
 */
public final class UsageErrorException extends RuntimeException {
    public UsageErrorException(String message) {
        super(message);
    }
}
