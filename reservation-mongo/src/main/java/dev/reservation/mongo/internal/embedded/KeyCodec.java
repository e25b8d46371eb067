package dev.reservation.mongo.internal.embedded;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.Collection;

/**
 * Order-preserving string encodings of index key components, so that an index entry can be one
 * {@code String} key of an MVStore map and a range of values is a range of keys. Each component is
 * a type tag, then a payload, and is prefix-free, so a tuple of components compares like the tuple
 * of its values (component by component).
 *
 * <p>Tags follow mongo-java-server's {@code ValueComparator} type order for the types it can order
 * here: null and missing (one tag, as the server treats them alike), numbers, strings, object ids,
 * booleans, dates. Within those, the order of the encodings is the server's order of the values:
 * numbers as doubles (longs beyond 2^53 lose precision: equal-looking encodings then stand for a
 * small set of values, which only widens a lookup, never narrows it), strings by UTF-16 code units
 * ({@code String.compareTo}), object ids by unsigned bytes, dates by their milliseconds (finer
 * parts widen a lookup the same way). Every other type (documents, nested arrays, binary, UUIDs,
 * regular expressions, timestamps, MinKey, MaxKey) gets a tag of its own kind with an exact but
 * unordered payload: such values can be stored and removed, and are never ordered or looked up.
 * Stateless and thread-safe.
 */
final class KeyCodec {
    static final char NULL = '1';
    static final char EMPTY_ARRAY = '2';
    static final char NUMBER = '3';
    static final char STRING = '4';
    static final char OTHER = '5';
    static final char OBJECT_ID = '6';
    static final char BOOLEAN = '7';
    static final char DATE = '8';
    /** Above every tag: the upper bound of "any value" in a range. */
    static final char AFTER_ALL = '9';

    private static final char END = '\u0000';
    private static final char ESCAPE = '\u0001';
    /** 64 ascending ASCII digits: a radix-64 number written with them sorts as the number does. */
    private static final int DIGIT_BASE = '0';

    private KeyCodec() {
    }

    /** True for the values whose encodings sort as the server sorts them and can be looked up. */
    static boolean isOrdered(Object value) {
        return Missing.isNullOrMissing(value) || value instanceof Number || value instanceof String
                || value instanceof ObjectId || value instanceof Boolean || value instanceof Instant;
    }

    /** The tag {@code value} is encoded with. */
    static char tag(Object value) {
        if (Missing.isNullOrMissing(value)) {
            return NULL;
        } else if (value instanceof Number) {
            return NUMBER;
        } else if (value instanceof String) {
            return STRING;
        } else if (value instanceof ObjectId) {
            return OBJECT_ID;
        } else if (value instanceof Boolean) {
            return BOOLEAN;
        } else if (value instanceof Instant) {
            return DATE;
        }
        return OTHER;
    }

    /** Appends the encoding of one component. */
    static StringBuilder append(StringBuilder b, Object value) {
        char tag = tag(value);
        b.append(tag);
        switch (tag) {
            case NULL -> {
            }
            case NUMBER -> appendLong(b, sortableDouble(((Number) value).doubleValue()));
            case STRING -> appendEscaped(b, (String) value);
            case OBJECT_ID -> appendEscaped(b, ((ObjectId) value).getHexData());
            case BOOLEAN -> b.append((Boolean) value ? '1' : '0');
            case DATE -> appendLong(b, ((Instant) value).toEpochMilli() ^ Long.MIN_VALUE);
            default -> appendEscaped(b, value.getClass().getName() + ":" + value);
        }
        return b;
    }

    /** The marker component an empty array is indexed under (so prefix lookups still find it). */
    static StringBuilder appendEmptyArray(StringBuilder b) {
        return b.append(EMPTY_ARRAY);
    }

    /**
     * Appends an exact, injective encoding of a document's position (its {@code _id}), which makes
     * an entry's key unique; positions are never ordered, so any exact form will do.
     */
    static StringBuilder appendPosition(StringBuilder b, Object position) {
        if (position instanceof String s) {
            return appendEscaped(b.append(STRING), s);
        } else if (position instanceof Long || position instanceof Integer) {
            return appendEscaped(b.append(OTHER), "L" + ((Number) position).longValue());
        } else if (position instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)
                && Math.abs(d) < 1e15) {
            return appendEscaped(b.append(OTHER), "L" + d.longValue()); // 1 and 1.0 are one _id
        }
        return append(b, position);
    }

    /**
     * Appends an exact encoding of a normalized key value (numbers as the server normalizes them:
     * doubles, or longs a double cannot hold), equal for exactly the values a unique index must
     * treat as equal: documents compare by their fields in any order, lists element by element,
     * dates to the nanosecond. Unordered; for unique-index keys.
     */
    static StringBuilder appendExact(StringBuilder b, Object value) {
        if (Missing.isNullOrMissing(value)) {
            return b.append(NULL);
        } else if (value instanceof Double d) {
            b.append(NUMBER);
            appendLong(b, sortableDouble(d));
            return b;
        } else if (value instanceof Long l) {
            return appendEscaped(b.append(OTHER), "L" + l);
        } else if (value instanceof Number n) {
            b.append(NUMBER);
            appendLong(b, sortableDouble(n.doubleValue()));
            return b;
        } else if (value instanceof Instant i) {
            return appendEscaped(b.append(DATE), i.getEpochSecond() + "." + i.getNano());
        } else if (value instanceof java.util.Map<?, ?> m) {
            b.append(OTHER).append('{');
            m.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey((x, y) -> x.toString().compareTo(y.toString())))
                    .forEach(e -> appendExact(appendEscaped(b.append(':'), e.getKey().toString()), e.getValue()));
            return b.append('}');
        } else if (value instanceof Collection<?> c) {
            b.append(OTHER).append('[');
            c.forEach(e -> appendExact(b, e));
            return b.append(']');
        } else if (isOrdered(value)) {
            return append(b, value);
        }
        return appendEscaped(b.append(OTHER), value.getClass().getName() + ":" + value);
    }

    /** True when {@code values} holds only values a lookup can find ({@link #isOrdered}). */
    static boolean allOrdered(Collection<?> values) {
        return values.stream().allMatch(KeyCodec::isOrdered);
    }

    /**
     * The index just past the first {@code count} components of an encoded key (those written by
     * {@link #append} and {@link #appendEmptyArray}), starting at {@code from}.
     */
    static int skip(String key, int from, int count) {
        int i = from;
        for (int n = 0; n < count && i < key.length(); n++) {
            char tag = key.charAt(i++);
            switch (tag) {
                case NULL, EMPTY_ARRAY -> {
                }
                case NUMBER, DATE -> i += 11;
                case BOOLEAN -> i += 1;
                default -> {
                    while (i < key.length() && key.charAt(i) != END) {
                        i += key.charAt(i) == ESCAPE ? 2 : 1;
                    }
                    i++; // the END
                }
            }
        }
        return Math.min(i, key.length());
    }

    private static long sortableDouble(double d) {
        if (d == 0.0) {
            d = 0.0; // -0.0 equals 0.0
        }
        long bits = Double.doubleToLongBits(d);
        return bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
    }

    /** 11 radix-64 digits, most significant first: unsigned order of {@code v} is string order. */
    private static void appendLong(StringBuilder b, long v) {
        for (int shift = 60; shift >= 0; shift -= 6) {
            b.append((char) (DIGIT_BASE + (int) ((v >>> shift) & 0x3F)));
        }
    }

    private static StringBuilder appendEscaped(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == END || c == ESCAPE) {
                b.append(ESCAPE).append((char) (c + 1));
            } else {
                b.append(c);
            }
        }
        return b.append(END);
    }
}
