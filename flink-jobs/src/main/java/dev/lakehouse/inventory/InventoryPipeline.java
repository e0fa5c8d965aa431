package dev.lakehouse.inventory;

import dev.lakehouse.iceberg.SilverSchemas;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.data.RowData;

/** Inventory snapshots → the upsert changelog of {@code silver.inventory_health}. */
public final class InventoryPipeline {
    public static final String LATEST_SNAPSHOT_UID = "inventory-latest-snapshot";

    private InventoryPipeline() {}

    /** @param snapshots de-duplicated snapshots; timestamps and watermarks are not needed (see {@link LatestSnapshotFunction}) */
    public static DataStream<RowData> build(DataStream<InventorySnapshot> snapshots) {
        return snapshots
                .keyBy(new ProductWarehouse(), ProductWarehouse.TYPE)
                .process(new LatestSnapshotFunction(), SilverSchemas.rowTypeInfo(InventoryTables.schema()))
                .uid(LATEST_SNAPSHOT_UID)
                .name("Latest inventory snapshot per product and warehouse");
    }

    /** (product_id, warehouse_id), with a missing warehouse under {@link InventoryTables#UNKNOWN_WAREHOUSE}. */
    static final class ProductWarehouse implements KeySelector<InventorySnapshot, Tuple2<String, String>> {
        static final TypeInformation<Tuple2<String, String>> TYPE = Types.TUPLE(Types.STRING, Types.STRING);

        @Override
        public Tuple2<String, String> getKey(InventorySnapshot snapshot) {
            return Tuple2.of(snapshot.productId(), InventoryTables.warehouseKey(snapshot.warehouseId()));
        }
    }
}
