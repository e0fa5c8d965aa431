package dev.lakehouse.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.contract.Source;
import dev.lakehouse.iceberg.TableSpec;
import dev.lakehouse.iceberg.WriteMode;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

class InventoryTablesTest {
    @Test
    void inventoryHealthIsAnUpsertTableOnProductAndWarehouse() {
        TableSpec spec = InventoryTables.inventoryHealth();

        assertThat(spec.identifier().toString()).isEqualTo("silver.inventory_health");
        assertThat(spec.writeMode()).isEqualTo(WriteMode.UPSERT);
        assertThat(spec.properties()).containsEntry("format-version", "2").containsEntry("write.upsert.enabled", "true");
        assertThat(spec.schema().identifierFieldNames()).containsExactlyInAnyOrderElementsOf(InventoryTables.equalityColumns());
    }

    @Test
    void hasTheContractColumnsThenTheDerivedOnes() {
        assertThat(InventoryTables.schema().columns()).extracting(Types.NestedField::name)
                .startsWith(Source.INVENTORY_SNAPSHOTS.header().toArray(String[]::new))
                .endsWith("stock_status", "estimated_days_of_inventory", "needs_reorder", "estimated_annual_turns",
                        "inventory_value", "available_inventory_value", "inventory_risk_level");
        assertThat(InventoryTables.schema().findType("inventory_value")).isEqualTo(Types.DecimalType.of(18, 2));
        assertThat(InventoryTables.schema().findType("unit_cost")).isEqualTo(Types.DecimalType.of(10, 2));
    }
}
