package dev.reservation.core.hooks;

import dev.reservation.core.domain.InvalidInputException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where webhooks may be sent: the guard against server-side request forgery. A URL must be
 * absolute {@code https} (or {@code http} when {@code allowHttp}), name a host, carry no user
 * info and no fragment. At delivery time every address its host resolves to must be a public
 * unicast address: not loopback, link-local (which holds the cloud metadata address 169.254.169.254),
 * site-local / private (10/8, 172.16/12, 192.168/16, fc00::/7), carrier-grade NAT (100.64/10),
 * multicast or the wildcard; {@code allowPrivate} lifts that for a deployment whose receivers are
 * on its own network (and for tests). Redirects are never followed (the sender's job). What it does
 * not stop: a host whose DNS answer changes between this check and the connection (rebinding) —
 * the window is one delivery. Immutable.
 */
public record UrlPolicy(boolean allowHttp, boolean allowPrivate) {
    public static final UrlPolicy STRICT = new UrlPolicy(false, false);
    private static final java.util.regex.Pattern LITERAL = java.util.regex.Pattern.compile("^[0-9.]+$");

    /** The URL, checked and normalised; an {@link InvalidInputException} on field {@code url} says what is wrong. */
    public URI check(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidInputException("url", "url is required");
        }
        if (url.length() > WebhookSubscription.MAX_URL) {
            throw new InvalidInputException("url", "url is longer than " + WebhookSubscription.MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidInputException("url", "url is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new InvalidInputException("url", allowHttp ? "url must start with https:// or http://"
                    : "url must start with https:// (this server does not send webhooks over plain http)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidInputException("url", "url must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInputException("url", "url must not carry a user name or password; use the signature");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidInputException("url", "url must not have a #fragment");
        }
        if (!allowPrivate && uri.getHost().equalsIgnoreCase("localhost")) {
            throw new InvalidInputException("url", "url must not point at this machine (localhost)");
        }
        String literal = uri.getHost();
        if (LITERAL.matcher(literal).matches() || literal.startsWith("[")) {
            try { // an address literal: no DNS is asked, so its refusal can be told now rather than at delivery
                String why = refusal(InetAddress.getByName(literal));
                if (why != null) {
                    throw new InvalidInputException("url", "url must not point at " + why);
                }
            } catch (java.net.UnknownHostException e) {
                throw new InvalidInputException("url", "url has an invalid address " + literal);
            }
        }
        return uri;
    }

    /** Why a delivery may not connect to {@code address}; null when it may. */
    public String refusal(InetAddress address) {
        if (allowPrivate) {
            return null;
        }
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            return address.getHostAddress() + " is this machine";
        }
        if (address.isLinkLocalAddress()) {
            return address.getHostAddress() + " is link-local (cloud metadata lives there)";
        }
        if (address.isSiteLocalAddress() || uniqueLocal(address) || carrierNat(address)) {
            return address.getHostAddress() + " is a private address";
        }
        if (address.isMulticastAddress()) {
            return address.getHostAddress() + " is a multicast address";
        }
        return null;
    }

    private static boolean uniqueLocal(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 16 && (b[0] & 0xfe) == 0xfc;
    }

    private static boolean carrierNat(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    }
}
