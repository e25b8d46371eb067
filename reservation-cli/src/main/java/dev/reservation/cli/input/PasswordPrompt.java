package dev.reservation.cli.input;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Asks a person for a password without echoing it. {@link #console()} uses the process's terminal
 * and answers empty when there is none (input or output redirected), so a script never hangs on a
 * prompt. Tests pass their own. Implementations are used by one command thread.
 */
@FunctionalInterface
public interface PasswordPrompt {
    /** The typed password, or empty when nobody can be asked (or the input ended). */
    Optional<char[]> read(String prompt);

    /** Never asks: for runs without a terminal. */
    static PasswordPrompt none() {
        return prompt -> Optional.empty();
    }

    /** The process's terminal, through {@link Console#readPassword}. */
    static PasswordPrompt console() {
        return prompt -> {
            Console console = System.console();
            if (console == null || !isTerminal(console)) {
                return Optional.empty();
            }
            return Optional.ofNullable(console.readPassword("%s", prompt));
        };
    }

    /**
     * From Java 22 {@code System.console()} may answer even when stdin is not a terminal; it says so
     * through {@code Console.isTerminal()}, which Java 17 (what this module compiles for) lacks.
     */
    private static boolean isTerminal(Console console) {
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException beforeJava22) {
            return true; // up to Java 21 a console exists only for a terminal
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
