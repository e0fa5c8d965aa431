package dev.lakehouse.oracle;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares two tables given as lists of rows (column name → value) by key columns, for convergence tests:
 * rows are matched by key, and every column of the <b>expected</b> row must have an equal value in the
 * actual row (extra actual columns, such as processing times or lineage, are ignored).
 *
 * <p>Values are equal when both are NULL, or
 * <ul>
 *   <li>floating-point numbers (on either side) are within a relative tolerance of 1e-9;</li>
 *   <li>BigDecimal / BigInteger compare equal by {@code compareTo} (1.5 = 1.50);</li>
 *   <li>other integral numbers are equal by value whatever their boxed type (Integer 3 = Long 3);</li>
 *   <li>LocalDateTime (read as UTC), OffsetDateTime, ZonedDateTime and Instant denote the same instant;</li>
 *   <li>CharSequences have the same characters; anything else is {@code equals}.</li>
 * </ul>
 * Key values are normalised the same way before matching.
 */
public final class RowComparison {
    public static final double RELATIVE_TOLERANCE = 1e-9;
    public static final int DEFAULT_MAX_REPORTED = 20;

    private RowComparison() {}

    /** Fails with the first differences listed when the tables differ. */
    public static void assertSame(List<? extends Map<String, ?>> expected, List<? extends Map<String, ?>> actual,
            List<String> keys) {
        Result result = compare(expected, actual, keys);
        if (!result.isEmpty()) {
            throw new AssertionError(result.toString());
        }
    }

    public static void assertSame(List<? extends Map<String, ?>> expected, List<? extends Map<String, ?>> actual,
            String... keys) {
        assertSame(expected, actual, Arrays.asList(keys));
    }

    public static Result compare(List<? extends Map<String, ?>> expected, List<? extends Map<String, ?>> actual,
            List<String> keys) {
        return compare(expected, actual, keys, DEFAULT_MAX_REPORTED);
    }

    /** Compares and keeps the first {@code maxReported} differences (all are counted). */
    public static Result compare(List<? extends Map<String, ?>> expected, List<? extends Map<String, ?>> actual,
            List<String> keys, int maxReported) {
        Result result = new Result(expected.size(), actual.size(), maxReported);
        Map<List<Object>, Map<String, ?>> actualByKey = byKey(actual, keys, result, "actual");
        Map<List<Object>, Map<String, ?>> expectedByKey = byKey(expected, keys, result, "expected");
        expectedByKey.forEach((key, expectedRow) -> {
            Map<String, ?> actualRow = actualByKey.remove(key);
            if (actualRow == null) {
                result.add(Kind.MISSING, keyOf(expectedRow, keys), "expected " + expectedRow);
            } else {
                compareRow(expectedRow, actualRow, keys, result);
            }
        });
        // What is left was never expected.
        actualByKey.values().forEach(row -> result.add(Kind.EXTRA, keyOf(row, keys), "actual " + row));
        return result;
    }

    private static Map<List<Object>, Map<String, ?>> byKey(List<? extends Map<String, ?>> rows, List<String> keys,
            Result result, String side) {
        Map<List<Object>, Map<String, ?>> byKey = new LinkedHashMap<>();
        for (Map<String, ?> row : rows) {
            if (byKey.putIfAbsent(normalisedKey(row, keys), row) != null) {
                result.add(Kind.DUPLICATE_KEY, keyOf(row, keys), "more than one " + side + " row: " + row);
            }
        }
        return byKey;
    }

    private static void compareRow(Map<String, ?> expected, Map<String, ?> actual, List<String> keys,
            Result result) {
        List<String> differing = new ArrayList<>();
        for (Map.Entry<String, ?> column : expected.entrySet()) {
            String name = column.getKey();
            if (!actual.containsKey(name)) {
                differing.add(name + ": expected " + describe(column.getValue()) + " but the column is absent");
            } else if (!sameValue(column.getValue(), actual.get(name))) {
                differing.add(name + ": expected " + describe(column.getValue()) + " but was "
                        + describe(actual.get(name)));
            }
        }
        if (!differing.isEmpty()) {
            result.add(Kind.DIFFERENT, keyOf(expected, keys), String.join("; ", differing));
        }
    }

    // --------------------------------------------------------------------------------------------- values

    /** Whether two values are equal under the rules of the class javadoc. */
    public static boolean sameValue(Object expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == actual;
        }
        Instant expectedInstant = asInstant(expected);
        Instant actualInstant = asInstant(actual);
        if (expectedInstant != null || actualInstant != null) {
            return Objects.equals(expectedInstant, actualInstant);
        }
        if (expected instanceof Number e && actual instanceof Number a) {
            return sameNumber(e, a);
        }
        if (expected instanceof CharSequence && actual instanceof CharSequence) {
            return expected.toString().equals(actual.toString());
        }
        return expected.equals(actual);
    }

    private static boolean sameNumber(Number expected, Number actual) {
        if (isFloating(expected) || isFloating(actual)) {
            return closeEnough(expected.doubleValue(), actual.doubleValue());
        }
        if (isDecimal(expected) || isDecimal(actual)) {
            return asBigDecimal(expected).compareTo(asBigDecimal(actual)) == 0;
        }
        return expected.longValue() == actual.longValue();
    }

    private static boolean closeEnough(double expected, double actual) {
        if (expected == actual || (Double.isNaN(expected) && Double.isNaN(actual))) {
            return true;
        }
        return Math.abs(expected - actual) <= RELATIVE_TOLERANCE * Math.max(Math.abs(expected), Math.abs(actual));
    }

    private static boolean isFloating(Number n) {
        return n instanceof Double || n instanceof Float;
    }

    private static boolean isDecimal(Number n) {
        return n instanceof BigDecimal || n instanceof BigInteger;
    }

    private static BigDecimal asBigDecimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        return n instanceof BigInteger i ? new BigDecimal(i) : BigDecimal.valueOf(n.longValue());
    }

    /** The instant a date-time denotes, a LocalDateTime read as UTC; null for anything else. */
    private static Instant asInstant(Object value) {
        if (value instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        } else if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        } else if (value instanceof ZonedDateTime t) {
            return t.toInstant();
        }
        return value instanceof Instant t ? t : null;
    }

    /** A key value in a form whose equals/hashCode agree with {@link #sameValue} (tolerance aside). */
    private static Object normalised(Object value) {
        Instant instant = asInstant(value);
        if (instant != null) {
            return instant;
        } else if (value instanceof CharSequence s) {
            return s.toString();
        } else if (value instanceof Double || value instanceof Float) {
            return ((Number) value).doubleValue();
        } else if (value instanceof Number n) {
            BigDecimal decimal = asBigDecimal(n);
            return decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
        }
        return value;
    }

    private static List<Object> normalisedKey(Map<String, ?> row, List<String> keys) {
        List<Object> key = new ArrayList<>(keys.size());
        for (String column : keys) {
            if (!row.containsKey(column)) {
                throw new IllegalArgumentException("row has no key column " + column + ": " + row);
            }
            key.add(normalised(row.get(column)));
        }
        return key;
    }

    private static Map<String, Object> keyOf(Map<String, ?> row, List<String> keys) {
        Map<String, Object> key = new LinkedHashMap<>();
        keys.forEach(column -> key.put(column, row.get(column)));
        return key;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "NULL";
        }
        String shown = value instanceof CharSequence ? "'" + value + "'" : String.valueOf(value);
        return shown + " (" + value.getClass().getSimpleName() + ")";
    }

    // --------------------------------------------------------------------------------------------- result

    public enum Kind {
        /** An expected row with no actual row of its key. */
        MISSING,
        /** An actual row with no expected row of its key. */
        EXTRA,
        /** Rows of the same key with differing columns. */
        DIFFERENT,
        /** Two rows of one side with the same key. */
        DUPLICATE_KEY
    }

    /** One difference: its kind, the key of the row and what differs. */
    public record Difference(Kind kind, Map<String, Object> key, String detail) {
        @Override
        public String toString() {
            return kind + " " + key + ": " + detail;
        }
    }

    /** All differences counted by kind, the first few kept in full. */
    public static final class Result {
        private final int expectedRows;
        private final int actualRows;
        private final int maxReported;
        private final Map<Kind, Long> counts = new HashMap<>();
        private final List<Difference> reported = new ArrayList<>();

        private Result(int expectedRows, int actualRows, int maxReported) {
            this.expectedRows = expectedRows;
            this.actualRows = actualRows;
            this.maxReported = maxReported;
        }

        private void add(Kind kind, Map<String, Object> key, String detail) {
            counts.merge(kind, 1L, Long::sum);
            if (reported.size() < maxReported) {
                reported.add(new Difference(kind, key, detail));
            }
        }

        public boolean isEmpty() {
            return counts.isEmpty();
        }

        public long count(Kind kind) {
            return counts.getOrDefault(kind, 0L);
        }

        public long differenceCount() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }

        /** The first differences found, at most the maximum asked for. */
        public List<Difference> differences() {
            return List.copyOf(reported);
        }

        @Override
        public String toString() {
            if (isEmpty()) {
                return "tables equal (" + expectedRows + " rows)";
            }
            StringBuilder text = new StringBuilder()
                    .append(differenceCount()).append(" differences between ")
                    .append(expectedRows).append(" expected and ").append(actualRows).append(" actual rows (")
                    .append(count(Kind.MISSING)).append(" missing, ")
                    .append(count(Kind.EXTRA)).append(" extra, ")
                    .append(count(Kind.DIFFERENT)).append(" different, ")
                    .append(count(Kind.DUPLICATE_KEY)).append(" duplicate keys)");
            if (reported.size() < differenceCount()) {
                text.append("; the first ").append(reported.size());
            }
            text.append(':');
            reported.forEach(d -> text.append("\n  ").append(d));
            return text.toString();
        }
    }
}
