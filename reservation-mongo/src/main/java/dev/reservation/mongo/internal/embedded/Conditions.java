package dev.reservation.mongo.internal.embedded;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a query filter requires of single fields, as far as an index can use it: the conditions
 * that are conjuncts of the whole filter (top-level fields and the members of {@code $and}, at any
 * depth), each an equality ({@code v}, {@code {$eq: v}}, {@code {$in: [...]}}) or a range
 * ({@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}) on values {@link KeyCodec} can order.
 *
 * <p>Everything else ({@code $or}, {@code $not}, {@code $elemMatch}, {@code $ne}, regular
 * expressions, documents or arrays compared whole, ...) is left out: a document that matches the
 * filter matches every condition kept here, so an index lookup by them finds a superset of the
 * matches, and the collection applies the whole filter to what it finds. Ranges keep their bounds'
 * type, as the server's matcher only compares values of one type ({@code $lt} a date matches
 * dates only). Immutable.
 */
final class Conditions {
    /** A condition on one field. */
    sealed interface Condition permits Equal, Range {
    }

    /** The field equals one of {@code values} (one for {@code v} or {@code $eq}, any number for {@code $in}). */
    record Equal(List<Object> values) implements Condition {
    }

    /**
     * The field lies between the bounds, of one type ({@code tag}); a missing bound is open. The
     * bounds are treated as inclusive: the exclusive ones only narrow the matches further.
     */
    record Range(Object lower, Object upper, char tag) implements Condition {
        Range tighten(Range other) {
            if (other.tag != tag) {
                return this; // the filter matches nothing; any superset is right
            }
            Object lo = lower == null ? other.lower : other.lower == null ? lower
                    : compare(lower, other.lower) >= 0 ? lower : other.lower;
            Object hi = upper == null ? other.upper : other.upper == null ? upper
                    : compare(upper, other.upper) <= 0 ? upper : other.upper;
            return new Range(lo, hi, tag);
        }

        private static int compare(Object a, Object b) {
            return KeyCodec.append(new StringBuilder(), a).toString()
                    .compareTo(KeyCodec.append(new StringBuilder(), b).toString());
        }
    }

    private final Map<String, Condition> byField;

    private Conditions(Map<String, Condition> byField) {
        this.byField = byField;
    }

    static Conditions of(Document query) {
        Map<String, Condition> found = new LinkedHashMap<>();
        collect(query, found);
        return new Conditions(found);
    }

    Condition get(String field) {
        return byField.get(field);
    }

    boolean isEmpty() {
        return byField.isEmpty();
    }

    private static void collect(Document query, Map<String, Condition> found) {
        for (Map.Entry<String, Object> e : query.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            if (key.equals("$and") && value instanceof Collection<?> parts) {
                for (Object part : parts) {
                    if (part instanceof Document d) {
                        collect(d, found);
                    }
                }
            } else if (!key.startsWith("$")) {
                Condition c = parse(value);
                if (c != null) {
                    found.merge(key, c, Conditions::combine);
                }
            }
        }
    }

    private static Condition combine(Condition a, Condition b) {
        if (a instanceof Equal) {
            return a;
        } else if (b instanceof Equal) {
            return b;
        }
        return ((Range) a).tighten((Range) b);
    }

    private static Condition parse(Object value) {
        if (!(value instanceof Document d)) {
            return value instanceof Collection || !KeyCodec.isOrdered(value) ? null : new Equal(single(value));
        }
        if (d.isEmpty() || !d.keySet().stream().allMatch(k -> k.startsWith("$"))) {
            return null; // a document compared whole
        }
        if (d.containsKey("$eq")) {
            Object v = d.get("$eq");
            if (!(v instanceof Collection) && !(v instanceof Document) && KeyCodec.isOrdered(v)) {
                return new Equal(single(v));
            }
        }
        if (d.get("$in") instanceof Collection<?> in && in.stream()
                .allMatch(v -> !(v instanceof Collection) && !(v instanceof Document) && KeyCodec.isOrdered(v))) {
            return new Equal(new ArrayList<>(in));
        }
        Range range = null;
        for (String op : List.of("$gt", "$gte", "$lt", "$lte")) {
            if (!d.containsKey(op)) {
                continue;
            }
            Object bound = d.get(op);
            if (bound == null || bound instanceof Collection || bound instanceof Document || !KeyCodec.isOrdered(bound)) {
                continue;
            }
            boolean lower = op.startsWith("$g");
            Range r = new Range(lower ? bound : null, lower ? null : bound, KeyCodec.tag(bound));
            range = range == null ? r : range.tighten(r);
        }
        return range;
    }

    private static List<Object> single(Object v) {
        List<Object> l = new ArrayList<>(1);
        l.add(v);
        return l;
    }
}
