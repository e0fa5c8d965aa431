package dev.lakehouse.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SilverOracleInventoryTest {
    @TempDir
    Path dir;

    @Test
    void latestSnapshotPerProductAndWarehouseWithTiesToTheGreaterSnapshotId() {
        List<Map<String, Object>> rows = TestSeeds.in(dir)
                .snapshot("SNAP000000009", "PROD00001", "WH001", "2024-01-01", 100, 0, 50, 100, "1.00")
                .snapshot("SNAP000000002", "PROD00001", "WH001", "2024-01-02", 200, 0, 50, 100, "1.00")
                .snapshot("SNAP000000003", "PROD00001", "WH001", "2024-01-02", 300, 0, 50, 100, "1.00")
                .snapshot("SNAP000000001", "PROD00001", "WH001", "2024-01-02", 400, 0, 50, 100, "1.00")
                .snapshot("SNAP000000004", "PROD00001", "WH002", "2024-01-01", 500, 0, 50, 100, "1.00")
                .oracle().inventoryHealth();

        assertThat(rows).extracting(r -> r.get("warehouse_id") + ":" + r.get("snapshot_id"))
                .containsExactlyInAnyOrder("WH001:SNAP000000003", "WH002:SNAP000000004");
    }

    @Test
    void derivedColumns() {
        List<Map<String, Object>> rows = TestSeeds.in(dir)
                // available 0: out of stock
                .snapshot("SNAP1", "PROD00001", "WH001", "2024-01-01", 10, 10, 50, 100, "2.50")
                // available 10 <= 50 and 10 / 50 × 30 = 6 days < 7: low stock, high risk
                .snapshot("SNAP2", "PROD00002", "WH001", "2024-01-01", 10, 0, 50, 100, "2.50")
                // available 50 = reorder point, 30 days: low stock, medium risk
                .snapshot("SNAP3", "PROD00003", "WH001", "2024-01-01", 60, 10, 50, 120, "2.50")
                // available 100 = 2 × reorder point: medium stock
                .snapshot("SNAP4", "PROD00004", "WH001", "2024-01-01", 100, 0, 50, 100, "2.50")
                // available 101: high stock; on hand 0 impossible here, see SNAP6
                .snapshot("SNAP5", "PROD00005", "WH001", "2024-01-01", 101, 0, 50, 100, "2.50")
                .snapshotLine("SNAP6,PROD00006,WH001,2024-01-01,0,0,0,50,100,SUP0001,2024-01-01,2.50")
                .oracle().inventoryHealth();
        Map<String, Map<String, Object>> byProduct = new HashMap<>();
        rows.forEach(r -> byProduct.put((String) r.get("product_id"), r));

        assertThat(byProduct.get("PROD00001"))
                .containsEntry("stock_status", "out of stock")
                .containsEntry("estimated_days_of_inventory", null)
                .containsEntry("needs_reorder", true)
                .containsEntry("estimated_annual_turns", 120.0)
                .containsEntry("inventory_value", new BigDecimal("25.00"))
                .containsEntry("available_inventory_value", new BigDecimal("0.00"))
                .containsEntry("inventory_risk_level", "critical")
                .containsEntry("quantity_available", 0)
                .containsOnlyKeys(InventoryOracle.LAYOUT.columns());
        assertThat(byProduct.get("PROD00002"))
                .containsEntry("stock_status", "low stock")
                .containsEntry("estimated_days_of_inventory", 6.0)
                .containsEntry("inventory_risk_level", "high");
        assertThat(byProduct.get("PROD00003"))
                .containsEntry("stock_status", "low stock")
                .containsEntry("estimated_days_of_inventory", 30.0)
                .containsEntry("estimated_annual_turns", 24.0)
                .containsEntry("inventory_value", new BigDecimal("150.00"))
                .containsEntry("available_inventory_value", new BigDecimal("125.00"))
                .containsEntry("inventory_risk_level", "medium");
        assertThat(byProduct.get("PROD00004"))
                .containsEntry("stock_status", "medium stock")
                .containsEntry("needs_reorder", false)
                .containsEntry("inventory_risk_level", "low");
        assertThat(byProduct.get("PROD00005")).containsEntry("stock_status", "high stock");
        assertThat(byProduct.get("PROD00006"))
                .containsEntry("estimated_annual_turns", 0.0)
                .containsEntry("stock_status", "out of stock");
    }

    @Test
    void aReorderPointBelowOneCountsAsOneForDaysOfInventory() {
        List<Map<String, Object>> rows = TestSeeds.in(dir)
                .snapshot("SNAP1", "PROD00001", "WH001", "2024-01-01", 5, 0, 0, 100, "1.00")
                .oracle().inventoryHealth();

        assertThat(rows.get(0)).containsEntry("estimated_days_of_inventory", 150.0);
    }
}
