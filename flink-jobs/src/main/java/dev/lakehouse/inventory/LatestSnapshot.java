package dev.lakehouse.inventory;

import java.util.Comparator;

/**
 * Which snapshot of a (product_id, warehouse_id) is the current one: the greatest snapshot_date, on a tie the
 * greater snapshot_id (plain string order; ids are fixed-width {@code SNAP} + 9 digits, so it is numeric
 * order too). A total order, so the result does not depend on arrival order and a late, older snapshot never
 * replaces a newer one.
 */
public final class LatestSnapshot {
    public static final Comparator<InventorySnapshot> ORDER = Comparator
            .comparing(InventorySnapshot::snapshotDate)
            .thenComparing(InventorySnapshot::snapshotId);

    private LatestSnapshot() {}

    /**
     * Whether {@code candidate} should replace {@code current}. The same snapshot seen again is not newer, so a
     * replay does not rewrite the row.
     *
     * @param current {@code null} when the key has no snapshot yet
     */
    public static boolean isNewer(InventorySnapshot candidate, InventorySnapshot current) {
        return current == null || ORDER.compare(candidate, current) > 0;
    }
}
