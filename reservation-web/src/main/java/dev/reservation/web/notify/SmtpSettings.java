package dev.reservation.web.notify;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where e-mail goes: an SMTP server, STARTTLS or not, an optional login (the password only ever from
 * the environment, {@value #PASSWORD}), and the From address. Off unless a host is configured.
 * Immutable.
 */
public record SmtpSettings(String host, int port, boolean startTls, Optional<String> user, Optional<String> password,
                           String from) {
    public static final String HOST = "RESERVATION_SMTP_HOST";
    public static final String PORT = "RESERVATION_SMTP_PORT";
    public static final String STARTTLS = "RESERVATION_SMTP_STARTTLS";
    public static final String USER = "RESERVATION_SMTP_USER";
    public static final String PASSWORD = "RESERVATION_SMTP_PASSWORD";
    public static final String FROM = "RESERVATION_SMTP_FROM";

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SMTP port must be 1-65535, was " + port);
        }
        user = user == null ? Optional.empty() : user.filter(s -> !s.isBlank());
        password = password == null ? Optional.empty() : password;
        Objects.requireNonNull(from, "from");
        if (!from.contains("@")) {
            throw new IllegalArgumentException("the From address '" + from + "' is not an e-mail address");
        }
    }

    /**
     * The settings from flags (which win) and the environment; empty when no host is configured.
     * STARTTLS defaults to on (required) except for port 25 on loopback, the usual test relay.
     */
    public static Optional<SmtpSettings> resolve(Optional<String> hostFlag, Optional<Integer> portFlag,
                                                 Optional<Boolean> startTlsFlag, Optional<String> userFlag,
                                                 Optional<String> fromFlag, Map<String, String> env) {
        Optional<String> host = hostFlag.or(() -> blank(env.get(HOST)));
        if (host.isEmpty()) {
            return Optional.empty();
        }
        int port = portFlag.orElseGet(() -> blank(env.get(PORT)).map(SmtpSettings::port).orElse(587));
        boolean startTls = startTlsFlag.orElseGet(() -> blank(env.get(STARTTLS)).map(SmtpSettings::yesNo)
                .orElse(port != 25));
        Optional<String> user = userFlag.or(() -> blank(env.get(USER)));
        Optional<String> password = Optional.ofNullable(env.get(PASSWORD)).filter(s -> !s.isEmpty());
        String from = fromFlag.or(() -> blank(env.get(FROM))).orElse("reservations@" + host.get());
        return Optional.of(new SmtpSettings(host.get(), port, startTls, user, password, from));
    }

    /** The domain of the From address: names Message-IDs and UIDs. */
    public String domain() {
        return from.substring(from.lastIndexOf('@') + 1).replace(">", "").strip();
    }

    /** For logs: never the password. */
    public String describe() {
        return host + ":" + port + (startTls ? " with STARTTLS" : " without TLS") + user.map(u -> " as " + u).orElse("")
                + ", from " + from;
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(PORT + " must be a port number (1-65535), not '" + value + "'");
    }

    /** Never reads an unknown word as false: that would quietly turn TLS off. */
    private static boolean yesNo(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "on", "yes" -> true;
            case "false", "off", "no" -> false;
            default -> throw new IllegalArgumentException(STARTTLS + " must be true or false (also on/off, yes/no),"
                    + " not '" + value + "'");
        };
    }

    private static Optional<String> blank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }
}
