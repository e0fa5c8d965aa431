package dev.lakehouse.inventory;

import dev.lakehouse.contract.Source;
import dev.lakehouse.contract.TypedRow;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One row of {@code inventory_snapshots}, components in contract column order; {@code null} where empty. */
public record InventorySnapshot(
        String snapshotId,
        String productId,
        String warehouseId,
        LocalDate snapshotDate,
        Integer quantityOnHand,
        Integer quantityReserved,
        Integer quantityAvailable,
        Integer reorderPoint,
        Integer reorderQuantity,
        String supplierId,
        LocalDate lastReceivedDate,
        BigDecimal unitCost) {

    public static InventorySnapshot fromRow(TypedRow row) {
        if (row.source() != Source.INVENTORY_SNAPSHOTS) {
            throw new IllegalArgumentException("not an inventory snapshot: " + row.source());
        }
        return new InventorySnapshot(
                (String) row.value(0),
                (String) row.value(1),
                (String) row.value(2),
                (LocalDate) row.value(3),
                (Integer) row.value(4),
                (Integer) row.value(5),
                (Integer) row.value(6),
                (Integer) row.value(7),
                (Integer) row.value(8),
                (String) row.value(9),
                (LocalDate) row.value(10),
                (BigDecimal) row.value(11));
    }
}
