package dev.lakehouse.oracle;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One output row of the oracle: an unmodifiable {@code Map<String, Object>} in column order that allows
 * NULL values.
 *
 * <p>A row is an array of values over a column list shared by the whole table, because a {@code HashMap}
 * per row would cost about a kilobyte more for each of the million payment_analysis rows.
 */
final class OracleRow extends AbstractMap<String, Object> {
    private final Layout layout;
    private final Object[] values;

    private OracleRow(Layout layout, Object[] values) {
        this.layout = layout;
        this.values = values;
    }

    @Override
    public Object get(Object column) {
        Integer index = layout.index.get(column);
        return index == null ? null : values[index];
    }

    @Override
    public boolean containsKey(Object column) {
        return layout.index.containsKey(column);
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(layout.columns.get(i), values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }

    /** The column list of one table. */
    static final class Layout {
        private final List<String> columns;
        private final Map<String, Integer> index = new HashMap<>();

        private Layout(List<String> columns) {
            this.columns = List.copyOf(columns);
            for (int i = 0; i < this.columns.size(); i++) {
                if (index.put(this.columns.get(i), i) != null) {
                    throw new IllegalArgumentException("column " + this.columns.get(i) + " twice");
                }
            }
        }

        static Layout of(List<String> columns) {
            return new Layout(columns);
        }

        /** A layout of these columns followed by those. */
        static Layout of(List<String> first, String... more) {
            List<String> all = new ArrayList<>(first);
            all.addAll(Arrays.asList(more));
            return new Layout(all);
        }

        List<String> columns() {
            return columns;
        }

        Builder row() {
            return new Builder(this);
        }
    }

    /** Fills a row by column name; {@link #build()} fails if a column was forgotten or misspelt. */
    static final class Builder {
        private final Layout layout;
        private final Object[] values;
        private final boolean[] set;

        private Builder(Layout layout) {
            this.layout = layout;
            this.values = new Object[layout.columns.size()];
            this.set = new boolean[values.length];
        }

        Builder put(String column, Object value) {
            Integer index = layout.index.get(column);
            if (index == null) {
                throw new IllegalArgumentException("no column " + column + " in " + layout.columns);
            }
            values[index] = value;
            set[index] = true;
            return this;
        }

        OracleRow build() {
            for (int i = 0; i < set.length; i++) {
                if (!set[i]) {
                    throw new IllegalStateException("column " + layout.columns.get(i) + " not set");
                }
            }
            return new OracleRow(layout, values);
        }
    }
}
