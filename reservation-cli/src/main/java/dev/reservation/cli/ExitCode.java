package dev.reservation.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The documented exit codes of every command. {@link #helpList()} is what {@code --help} shows;
 * the README lists the same.
 */
public enum ExitCode {
    OK(0, "success"),
    INTERNAL_ERROR(1, "unexpected internal error (run with --verbose for the stack trace)"),
    USAGE(2, "usage error or invalid input (unknown option, bad value, booking rule broken, deactivated user or"
            + " room, --as without a password, a MongoDB URI without --as)"),
    NOT_FOUND(3, "a user, room or reservation named in the command does not exist"),
    CONFLICT(4, "conflict: room already booked (conflicts and suggestions on stderr), name or email"
            + " already taken, idempotency key reused, concurrent update"),
    PERMISSION_DENIED(5, "permission denied: the acting user may not do this (a MEMBER managing users or rooms,"
            + " booking for or cancelling for someone else)"),
    STORE_UNAVAILABLE(6, "store unavailable: nothing was changed, retrying is safe"),
    OUTCOME_UNKNOWN(7, "outcome unknown: the change MAY have been applied; look it up before retrying"),
    SIGN_IN_FAILED(8, "sign-in failed (--as): wrong email or password, deactivated account, or too many attempts");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** Code to meaning, in order, in the form picocli's {@code exitCodeList} shows. */
    public static Map<String, String> helpList() {
        Map<String, String> list = new LinkedHashMap<>();
        for (ExitCode exit : values()) {
            list.put(String.valueOf(exit.code), exit.meaning);
        }
        return list;
    }
}
