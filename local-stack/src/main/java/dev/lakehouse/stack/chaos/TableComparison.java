package dev.lakehouse.stack.chaos;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One table of a fault-free run against the same table of a chaos run, row by row, without holding either in memory:
 * each row is reduced to its key and a 64-bit fingerprint of its compared columns.
 *
 * <p>With key columns (the table's primary key or identifier fields), rows are matched by key: a key with fewer rows
 * in the chaos run than in the reference counts the missing ones as <b>lost</b>, one with more counts the extra ones
 * as <b>doubled</b>, and rows present on both sides whose columns differ count as <b>differing</b>. Without key
 * columns (append tables with no identity), the whole row is the key: a changed row then shows as one lost and one
 * doubled.
 *
 * <p>Excluded columns legitimately differ between two runs of the same data (ingestion time, Kafka offsets, processing
 * times) and are left out of the fingerprint. Values are compared as the pipeline's semantics see them: integers by
 * value whatever their width, decimals without trailing zeros, timestamps as instants, and doubles to 10 significant
 * digits (a sum accumulated in another order after a restart differs in the last bits).
 */
public final class TableComparison {
    private static final int MAX_EXAMPLES = 5;
    private static final MathContext DOUBLE_PRECISION = new MathContext(10);
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final List<String> keyColumns;
    private final Set<String> excludedColumns;
    private final Map<Long, Entry> byKey = new HashMap<>();
    private long referenceRows;
    private long chaosRows;

    /**
     * @param keyColumns the columns that identify a row; empty: the whole row (minus the excluded columns)
     * @param excludedColumns columns left out of the comparison
     */
    public TableComparison(List<String> keyColumns, Set<String> excludedColumns) {
        this.keyColumns = List.copyOf(keyColumns);
        this.excludedColumns = Set.copyOf(excludedColumns);
    }

    public void addReference(Map<String, ?> row) {
        referenceRows++;
        add(row, true);
    }

    public void addChaos(Map<String, ?> row) {
        chaosRows++;
        add(row, false);
    }

    private void add(Map<String, ?> row, boolean reference) {
        TreeMap<String, Object> compared = new TreeMap<>();
        row.forEach((column, value) -> {
            if (!excludedColumns.contains(column)) {
                compared.put(column, value);
            }
        });
        String comparedText = text(compared);
        String keyText = keyColumns.isEmpty() ? comparedText : keyText(row);
        long key = fingerprint(keyText);
        long value = fingerprint(comparedText);
        Entry entry = byKey.computeIfAbsent(key, k -> new Entry(keyText));
        if (reference) {
            entry.reference = append(entry.reference, entry.referenceCount++, value);
        } else {
            entry.chaos = append(entry.chaos, entry.chaosCount++, value);
        }
    }

    private String keyText(Map<String, ?> row) {
        StringBuilder text = new StringBuilder();
        for (String column : keyColumns) {
            if (!row.containsKey(column)) {
                throw new IllegalArgumentException("row has no key column " + column + ": " + row.keySet());
            }
            text.append(text.isEmpty() ? "" : ", ").append(column).append('=').append(normalised(row.get(column)));
        }
        return text.toString();
    }

    /** Counts lost, doubled and differing rows, with a few examples of each. */
    public Result result(String table) {
        long lost = 0;
        long doubled = 0;
        long differing = 0;
        List<String> examples = new ArrayList<>();
        for (Entry entry : byKey.values()) {
            int common = Math.min(entry.referenceCount, entry.chaosCount);
            long missing = entry.referenceCount - common;
            long extra = entry.chaosCount - common;
            long changed = common - matched(entry);
            lost += missing;
            doubled += extra;
            differing += changed;
            if (examples.size() < MAX_EXAMPLES) {
                if (missing > 0) {
                    examples.add("lost " + missing + " × {" + entry.keyText + "}");
                } else if (extra > 0) {
                    examples.add("doubled " + extra + " × {" + entry.keyText + "}");
                } else if (changed > 0) {
                    examples.add("differing {" + entry.keyText + "}");
                }
            }
        }
        return new Result(table, referenceRows, chaosRows, lost, doubled, differing, examples);
    }

    /** Rows of the key whose fingerprints appear on both sides, as a multiset intersection. */
    private static int matched(Entry entry) {
        long[] reference = Arrays.copyOf(entry.reference, entry.referenceCount);
        long[] chaos = Arrays.copyOf(entry.chaos, entry.chaosCount);
        Arrays.sort(reference);
        Arrays.sort(chaos);
        int matched = 0;
        for (int i = 0, j = 0; i < reference.length && j < chaos.length; ) {
            if (reference[i] == chaos[j]) {
                matched++;
                i++;
                j++;
            } else if (reference[i] < chaos[j]) {
                i++;
            } else {
                j++;
            }
        }
        return matched;
    }

    private static long[] append(long[] values, int size, long value) {
        long[] grown = size < values.length ? values : Arrays.copyOf(values, Math.max(1, size * 2));
        grown[size] = value;
        return grown;
    }

    private static String text(Map<String, Object> columns) {
        StringBuilder text = new StringBuilder();
        columns.forEach((column, value) -> text.append(text.isEmpty() ? "" : ", ").append(column).append('=').append(normalised(value)));
        return text.toString();
    }

    /** FNV-1a over the UTF-8 bytes: 64 bits, so that millions of rows do not collide by chance. */
    private static long fingerprint(String text) {
        long hash = FNV_OFFSET;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return hash;
    }

    /** A value's text under the equality rules of the class comment. */
    static String normalised(Object value) {
        if (value == null) {
            return "NULL";
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return Double.toString(d);
            }
            return plain(new BigDecimal(d).round(DOUBLE_PRECISION));
        } else if (value instanceof BigDecimal d) {
            return plain(d);
        } else if (value instanceof BigInteger i) {
            return i.toString();
        } else if (value instanceof Number n) {
            return Long.toString(n.longValue());
        } else if (value instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC).toString();
        } else if (value instanceof OffsetDateTime t) {
            return t.toInstant().toString();
        } else if (value instanceof ZonedDateTime t) {
            return t.toInstant().toString();
        } else if (value instanceof ByteBuffer b) {
            ByteBuffer copy = b.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return HexFormat.of().formatHex(bytes);
        }
        return value.toString();
    }

    private static String plain(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    private static final class Entry {
        private final String keyText;
        private long[] reference = new long[1];
        private long[] chaos = new long[1];
        private int referenceCount;
        private int chaosCount;

        private Entry(String keyText) {
            this.keyText = keyText;
        }
    }

    /** What differs in one table; all three counts are 0 when the chaos run equals the reference. */
    public record Result(String table, long referenceRows, long chaosRows, long lost, long doubled, long differing,
            List<String> examples) {
        public Result {
            examples = List.copyOf(examples);
        }

        public boolean equal() {
            return lost == 0 && doubled == 0 && differing == 0;
        }
    }
}
