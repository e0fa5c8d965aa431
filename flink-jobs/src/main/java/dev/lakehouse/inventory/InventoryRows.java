package dev.lakehouse.inventory;

import static dev.lakehouse.iceberg.RowValues.contractDecimal;
import static dev.lakehouse.iceberg.RowValues.date;
import static dev.lakehouse.iceberg.RowValues.money;
import static dev.lakehouse.iceberg.RowValues.string;

import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.RowKind;

/** Flink rows of {@code silver.inventory_health}, in the column order of {@link InventoryTables#schema()}. */
public final class InventoryRows {
    private InventoryRows() {}

    public static RowData inventoryHealth(InventoryHealth health, RowKind kind) {
        InventorySnapshot s = health.snapshot();
        return GenericRowData.ofKind(kind,
                string(s.snapshotId()),
                string(s.productId()),
                string(InventoryTables.warehouseKey(s.warehouseId())),
                date(s.snapshotDate()),
                s.quantityOnHand(),
                s.quantityReserved(),
                s.quantityAvailable(),
                s.reorderPoint(),
                s.reorderQuantity(),
                string(s.supplierId()),
                date(s.lastReceivedDate()),
                contractDecimal(s.unitCost()),
                string(health.stockStatus().code()),
                health.estimatedDaysOfInventory(),
                health.needsReorder(),
                health.estimatedAnnualTurns(),
                money(health.inventoryValue()),
                money(health.availableInventoryValue()),
                string(health.inventoryRiskLevel().code()));
    }
}
