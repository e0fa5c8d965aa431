package dev.lakehouse.inventory;

import static dev.lakehouse.inventory.Snapshots.DAY;
import static dev.lakehouse.inventory.Snapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.testing.Changelog;
import dev.lakehouse.testing.ChangelogTable;
import dev.lakehouse.flink.RecordTypes;
import dev.lakehouse.testing.FlinkTypes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.RowKind;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The inventory pipeline on Flink's MiniCluster. */
class InventoryPipelineTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final String PRODUCT = "PROD00001";
    private static final String WAREHOUSE = "WH001";

    @Test
    void onATieOfDatesTheGreaterSnapshotIdWinsWhateverTheArrivalOrder() throws Exception {
        InventorySnapshot lower = snapshot("SNAP000000001", DAY, 100, 0, 50, 300, "10.00");
        InventorySnapshot greater = snapshot("SNAP000000002", DAY, 40, 0, 50, 300, "10.00");

        assertThat(run(lower, greater).row(PRODUCT, WAREHOUSE)).containsEntry("snapshot_id", "SNAP000000002");
        assertThat(run(greater, lower).row(PRODUCT, WAREHOUSE)).containsEntry("snapshot_id", "SNAP000000002");
    }

    @Test
    void anOlderSnapshotArrivingLateNeitherReplacesNorRewritesTheRow() throws Exception {
        InventorySnapshot current = snapshot("SNAP000000001", DAY);
        InventorySnapshot older = snapshot("SNAP000000009", DAY.minusDays(1));

        Changelog changelog = run(current, older, current);

        assertThat(changelog.history(PRODUCT, WAREHOUSE)).hasSize(1);
        assertThat(changelog.row(PRODUCT, WAREHOUSE)).containsEntry("snapshot_id", "SNAP000000001");
    }

    @Test
    void aNewerSnapshotRetractsTheRowItReplaces() throws Exception {
        InventorySnapshot older = snapshot("SNAP000000001", DAY.minusDays(1), 100, 0, 50, 300, "10.00");
        InventorySnapshot newer = snapshot("SNAP000000002", DAY, 40, 0, 50, 300, "10.00");

        List<RowData> changes = changes(older, newer);

        assertThat(changes).extracting(RowData::getRowKind)
                .containsExactly(RowKind.INSERT, RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER);
        // strict: the UPDATE_BEFORE must carry exactly the row written for the older snapshot
        ChangelogTable table = ChangelogTable.retracting(InventoryTables.schema(), InventoryTables.equalityColumns(), changes);
        assertThat(table.row(PRODUCT, WAREHOUSE))
                .containsEntry("snapshot_id", "SNAP000000002")
                .containsEntry("stock_status", "low stock");
    }

    @Test
    void writesTheContractColumnsAndEveryDerivedColumn() throws Exception {
        // available 40 of 45 on hand, reorder point 50: low stock for 24 days
        Map<String, Object> row = run(snapshot("SNAP000000001", DAY, 45, 5, 50, 300, "12.50")).row(PRODUCT, WAREHOUSE);

        assertThat(row)
                .containsEntry("snapshot_date", DAY)
                .containsEntry("quantity_available", 40)
                .containsEntry("unit_cost", new BigDecimal("12.50"))
                .containsEntry("stock_status", "low stock")
                .containsEntry("estimated_days_of_inventory", 24.0)
                .containsEntry("needs_reorder", true)
                .containsEntry("estimated_annual_turns", 300.0 / 45 * 12)
                .containsEntry("inventory_value", new BigDecimal("562.50"))
                .containsEntry("available_inventory_value", new BigDecimal("500.00"))
                .containsEntry("inventory_risk_level", "medium");
    }

    @Test
    void aSnapshotWithoutWarehouseIsKeptUnderTheUnknownWarehouse() throws Exception {
        InventorySnapshot s = snapshot("SNAP000000001", DAY);
        InventorySnapshot noWarehouse = new InventorySnapshot(s.snapshotId(), s.productId(), null, s.snapshotDate(),
                s.quantityOnHand(), s.quantityReserved(), s.quantityAvailable(), s.reorderPoint(), s.reorderQuantity(),
                s.supplierId(), s.lastReceivedDate(), s.unitCost());

        Changelog changelog = run(noWarehouse);

        assertThat(changelog.rows()).containsOnlyKeys(List.<Object>of(PRODUCT, InventoryTables.UNKNOWN_WAREHOUSE));
    }

    @Test
    void theSnapshotStateIsSerializedWithoutKryo() throws Exception {
        FlinkTypes.assertRoundTripWithoutKryo(RecordTypes.of(InventorySnapshot.class), snapshot("SNAP000000001", DAY));
    }

    private static Changelog run(InventorySnapshot... snapshots) throws Exception {
        return new Changelog(InventoryTables.schema(), InventoryTables.equalityColumns()).applyAll(changes(snapshots));
    }

    private static List<RowData> changes(InventorySnapshot... snapshots) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        List<RowData> rows = new ArrayList<>();
        try (CloseableIterator<RowData> out = InventoryPipeline.build(env.fromData(snapshots).setParallelism(1)).executeAndCollect()) {
            out.forEachRemaining(rows::add);
        }
        return rows;
    }
}
