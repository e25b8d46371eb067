package dev.reservation.web.api;

import dev.reservation.web.http.FieldErrorsException;
import dev.reservation.web.http.Params;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Cursor paging of the API's lists (keyset, never an offset). A list is in a total order on a sort
 * key and the id; a page holds up to {@code limit} items after the cursor's position, and a full page
 * answers the position of its last item as the next cursor, in a {@code Link: <…>; rel="next"}
 * header and in {@code Next-Cursor}. Because a position is a key, not a count, an item added or
 * removed meanwhile never makes a later page skip or repeat an item that was there all along.
 *
 * <p>A cursor is opaque to clients: base64url of its kind, the filters it was made for (a hash) and
 * the position. One used with other filters, or made up, is a {@code 400}. Stateless, thread-safe.
 */
public final class Paging {
    public static final String CURSOR = "cursor";
    public static final String LIMIT = "limit";
    public static final String NEXT_CURSOR = "Next-Cursor";
    public static final int DEFAULT_LIMIT = 1000;
    public static final int MAX_LIMIT = 10_000;
    private static final int MAX_CURSOR = 600;

    private Paging() {
    }

    /** A position in a list: its kind ({@code reservations}, {@code rooms}, …) and the sort key parts. */
    public record Position(String kind, List<String> key) {
    }

    /** The {@code limit} parameter, 1–{@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} by default; a problem goes to {@code p}. */
    public static int limit(Params p, Context ctx) {
        return p.integer(LIMIT, ctx.queryParam(LIMIT), 1, MAX_LIMIT, false).orElse(DEFAULT_LIMIT);
    }

    /**
     * The position the request's {@code cursor} names, if it has one; a cursor that is not one
     * this list gave out for these filters is a 400 naming {@code cursor}.
     */
    public static java.util.Optional<List<String>> after(Context ctx, String kind, int parts) {
        String raw = ctx.queryParam(CURSOR);
        if (raw == null || raw.isEmpty()) {
            return java.util.Optional.empty();
        }
        String bad = "cursor is not one this list gave out for these filters: start again without it";
        if (raw.length() > MAX_CURSOR) {
            throw FieldErrorsException.of(CURSOR, bad);
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw FieldErrorsException.of(CURSOR, bad);
        }
        String[] fields = text.split("\n", -1);
        if (fields.length != 2 + parts || !fields[0].equals(kind) || !fields[1].equals(filters(ctx))) {
            throw FieldErrorsException.of(CURSOR, bad);
        }
        List<String> key = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            key.add(fields[2 + i]);
        }
        return java.util.Optional.of(key);
    }

    /**
     * Answers a page: {@code items} as JSON and, when the page is full (there may be more), the
     * next cursor made from {@code lastKey} of its last item.
     */
    public static <T> void answer(Context ctx, String kind, List<?> items, int limit, T last,
                                  Function<T, List<String>> lastKey) {
        if (items.size() >= limit && last != null) {
            String cursor = cursor(ctx, kind, lastKey.apply(last));
            ctx.header(NEXT_CURSOR, cursor);
            ctx.header("Link", "<" + nextUrl(ctx, cursor) + ">; rel=\"next\"");
        }
        ctx.json(items);
    }

    /**
     * The sort key of an item ordered by an instant, then its id: the instant as zero-padded epoch
     * milliseconds, so that the key's text order is the instants' order.
     */
    public static List<String> byInstantThenId(java.time.Instant at, String id) {
        return List.of(String.format("%020d", at.toEpochMilli()), id);
    }

    /**
     * A page of a list held whole in order ({@code sorted}, by {@code key} then id, as the store
     * returns it): the items after the cursor, at most the limit, answered with {@link #answer}.
     */
    public static <T> void answerSorted(Context ctx, String kind, List<T> sorted, Function<T, List<String>> key,
                                        Function<T, ?> dto) {
        Params p = new Params();
        int limit = limit(p, ctx);
        p.throwIfAny();
        java.util.Optional<List<String>> after = after(ctx, kind, 2);
        List<T> page = new ArrayList<>(Math.min(limit, sorted.size()));
        for (T item : sorted) {
            if (after.isPresent() && compare(key.apply(item), after.get()) <= 0) {
                continue;
            }
            page.add(item);
            if (page.size() == limit) {
                break;
            }
        }
        T last = page.isEmpty() ? null : page.get(page.size() - 1);
        answer(ctx, kind, page.stream().map(dto).toList(), limit, last, key);
    }

    private static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    static String cursor(Context ctx, String kind, List<String> key) {
        String text = kind + "\n" + filters(ctx) + "\n" + String.join("\n", key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A short hash of the request's query parameters other than the cursor and the limit. */
    private static String filters(Context ctx) {
        String canonical = ctx.queryParamMap().entrySet().stream()
                .filter(e -> !e.getKey().equals(CURSOR) && !e.getKey().equals(LIMIT))
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + String.join(",", e.getValue()))
                .collect(Collectors.joining("&"));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 11);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String nextUrl(Context ctx, String cursor) {
        StringBuilder url = new StringBuilder(ctx.path()).append('?');
        ctx.queryParamMap().forEach((name, values) -> {
            if (!name.equals(CURSOR)) {
                for (String v : values) {
                    url.append(enc(name)).append('=').append(enc(v)).append('&');
                }
            }
        });
        return url.append(CURSOR).append('=').append(cursor).toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
