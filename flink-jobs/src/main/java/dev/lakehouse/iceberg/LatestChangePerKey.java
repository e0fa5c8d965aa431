package dev.lakehouse.iceberg;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.flink.types.RowKind;

/**
 * The last change of each key since the last drain: what an upsert table needs to end up right.
 *
 * <p>An upsert sink replaces a key's row with each INSERT or UPDATE_AFTER and removes it on DELETE, so within one
 * commit only the last change of a key matters; UPDATE_BEFORE rows carry nothing an upsert needs.
 *
 * @param <K> the key (the table's identifier fields)
 * @param <R> the change (a row with its kind)
 */
public final class LatestChangePerKey<K, R> {
    private final Map<K, R> changes = new HashMap<>();

    /** Keeps {@code change} as the key's latest, unless it is an UPDATE_BEFORE, which an upsert ignores. */
    public void add(K key, RowKind kind, R change) {
        if (kind != RowKind.UPDATE_BEFORE) {
            changes.put(key, change);
        }
    }

    /** Hands out every key's latest change (in no particular order: keys are independent) and forgets them. */
    public void drainTo(Consumer<R> sink) {
        Collection<R> latest = changes.values();
        latest.forEach(sink);
        changes.clear();
    }

    public int size() {
        return changes.size();
    }
}
