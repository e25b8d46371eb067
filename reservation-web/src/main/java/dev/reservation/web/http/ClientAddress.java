package dev.reservation.web.http;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The address a request came from, for the sign-in throttle and the access log. The socket's peer,
 * unless that peer is a configured trusted proxy: then the right-most address in
 * {@code X-Forwarded-For} that is not itself a trusted proxy (the left-most entries are whatever the
 * client chose to send, so they are never believed). Without trusted proxies the header is ignored.
 * Immutable and thread-safe.
 */
public final class ClientAddress {
    private static final String ATTRIBUTE = "clientAddress";
    private final List<Range> trusted;

    /** @param trustedProxies addresses or CIDR ranges, e.g. "127.0.0.1", "10.0.0.0/8", "::1" */
    public ClientAddress(List<String> trustedProxies) {
        List<Range> ranges = new ArrayList<>();
        for (String t : trustedProxies) {
            ranges.add(Range.parse(t.strip()));
        }
        this.trusted = List.copyOf(ranges);
    }

    /** Before-handler: works out the request's client address once. */
    public void remember(Context ctx) {
        ctx.attribute(ATTRIBUTE, resolve(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For")));
    }

    /** The address {@link #remember} worked out (the socket peer if it did not run). */
    public static String of(Context ctx) {
        String a = ctx.attribute(ATTRIBUTE);
        return a != null ? a : ctx.req().getRemoteAddr();
    }

    String resolve(String peer, String forwardedFor) {
        if (!isTrusted(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !isTrusted(hop)) {
                return hop;
            }
        }
        return hops[0].strip().isEmpty() ? peer : hops[0].strip();
    }

    private boolean isTrusted(String address) {
        return trusted.stream().anyMatch(r -> r.contains(address));
    }

    /** An address range: a network and a prefix length. */
    private record Range(byte[] network, int prefix) {
        static Range parse(String text) {
            int slash = text.indexOf('/');
            byte[] address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR range");
            }
            int prefix = slash < 0 ? address.length * 8 : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("'" + text + "': prefix must be 0.." + address.length * 8);
            }
            return new Range(address, prefix);
        }

        boolean contains(String text) {
            byte[] a = literal(text);
            if (a == null || a.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            if (!Arrays.equals(Arrays.copyOf(a, full), Arrays.copyOf(network, full))) {
                return false;
            }
            int rest = prefix % 8;
            return rest == 0 || ((a[full] ^ network[full]) & (0xff << (8 - rest)) & 0xff) == 0;
        }

        /** The bytes of an IP literal; null for anything else (never a DNS lookup). */
        private static byte[] literal(String text) {
            boolean v4 = text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
            boolean v6 = text.contains(":") && text.matches("[0-9A-Fa-f:.]+");
            if (!v4 && !v6) {
                return null;
            }
            try {
                return InetAddress.getByName(text).getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
    }
}
