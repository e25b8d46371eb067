package dev.reservation.web.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * An {@code Authorization: Basic ...} header split into email and password. The password stays a
 * {@code char[]} that {@link #wipe()} clears; {@link #toString()} never shows it. Not thread-safe
 * (one per request).
 */
public final class BasicCredentials {
    /** Longer headers are refused unread: no password is that long (the core allows 200 characters). */
    static final int MAX_HEADER = 1024;

    private final String email;
    private final char[] password;

    private BasicCredentials(String email, char[] password) {
        this.email = email;
        this.password = password;
    }

    /** The credentials of a well-formed Basic header; empty when it is missing, not Basic or malformed. */
    public static Optional<BasicCredentials> parse(String header) {
        if (header == null || header.length() > MAX_HEADER || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(header.substring(6).strip());
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        char[] chars = null;
        try {
            CharBuffer decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw));
            chars = new char[decoded.remaining()];
            decoded.get(chars);
            Arrays.fill(decoded.array(), '\0');
            int colon = indexOf(chars, ':');
            if (colon <= 0) {
                return Optional.empty();
            }
            return Optional.of(new BasicCredentials(new String(chars, 0, colon),
                    Arrays.copyOfRange(chars, colon + 1, chars.length)));
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        } finally {
            Arrays.fill(raw, (byte) 0);
            if (chars != null) {
                Arrays.fill(chars, '\0');
            }
        }
    }

    private static int indexOf(char[] chars, char c) {
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == c) {
                return i;
            }
        }
        return -1;
    }

    public String email() {
        return email;
    }

    public char[] password() {
        return password;
    }

    public void wipe() {
        Arrays.fill(password, '\0');
    }

    @Override
    public String toString() {
        return "BasicCredentials[" + email + ", password hidden]";
    }
}
