package dev.lakehouse.inventory;

import dev.lakehouse.flink.RecordTypes;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;

/**
 * Keeps the current snapshot of one (product_id, warehouse_id) and writes its health row whenever a newer one
 * arrives, with the retraction of the row it replaces (UPDATE_BEFORE, then UPDATE_AFTER). Emitted at once, not on
 * the watermark: {@link LatestSnapshot} is a total order, so whatever the arrival order the last row written for a
 * key is the batch answer; an older or repeated snapshot writes nothing. The state is one snapshot per key, kept
 * without TTL because the row it backs lives forever.
 */
class LatestSnapshotFunction extends KeyedProcessFunction<Tuple2<String, String>, InventorySnapshot, RowData> {
    private transient ValueState<InventorySnapshot> current;

    @Override
    public void open(OpenContext openContext) {
        current = getRuntimeContext().getState(
                new ValueStateDescriptor<>("current-snapshot", RecordTypes.of(InventorySnapshot.class)));
    }

    @Override
    public void processElement(InventorySnapshot snapshot, Context ctx, Collector<RowData> out) throws Exception {
        InventorySnapshot previous = current.value();
        if (!LatestSnapshot.isNewer(snapshot, previous)) {
            return;
        }
        current.update(snapshot);
        if (previous == null) {
            out.collect(InventoryRows.inventoryHealth(InventoryHealth.of(snapshot), RowKind.INSERT));
            return;
        }
        // The row written before, as a retraction: the upsert sink skips it, the gold query subtracts it.
        out.collect(InventoryRows.inventoryHealth(InventoryHealth.of(previous), RowKind.UPDATE_BEFORE));
        out.collect(InventoryRows.inventoryHealth(InventoryHealth.of(snapshot), RowKind.UPDATE_AFTER));
    }
}
