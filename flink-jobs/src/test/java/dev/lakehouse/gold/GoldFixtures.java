package dev.lakehouse.gold;

import dev.lakehouse.bronze.BronzeTables;
import dev.lakehouse.contract.Source;
import dev.lakehouse.iceberg.SilverSchemas;
import dev.lakehouse.iceberg.TableSpec;
import dev.lakehouse.inventory.InventoryTables;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.Schema;

/** Gold inputs over bounded lists of rows. */
final class GoldFixtures {
    private GoldFixtures() {}

    static GoldInputs inputs(StreamExecutionEnvironment env, List<RowData> events, List<RowData> payments,
            List<RowData> tickets, List<RowData> sessions, List<RowData> inventory) {
        return new GoldInputs(
                GoldInput.appendOnly(stream(env, events, BronzeTables.schema(Source.CUSTOMER_EVENTS)),
                        BronzeTables.schema(Source.CUSTOMER_EVENTS)),
                GoldInput.appendOnly(stream(env, payments, BronzeTables.schema(Source.PAYMENT_TRANSACTIONS)),
                        BronzeTables.schema(Source.PAYMENT_TRANSACTIONS)),
                GoldInput.appendOnly(stream(env, tickets, BronzeTables.schema(Source.SUPPORT_TICKETS)),
                        BronzeTables.schema(Source.SUPPORT_TICKETS)),
                GoldInput.retracting(stream(env, sessions, GoldRows.SESSIONS_SCHEMA), GoldRows.SESSIONS_SCHEMA),
                GoldInput.retracting(stream(env, inventory, InventoryTables.schema()), InventoryTables.schema()));
    }

    /** Inputs with no rows: enough to resolve and translate the queries. */
    static GoldInputs emptyInputs(StreamExecutionEnvironment env) {
        return inputs(env, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    static TableSpec spec(GoldStreams streams, GoldTable table) {
        return switch (table) {
            case CUSTOMER_SUMMARY -> streams.customerSummary().table();
            case DAILY_METRICS -> streams.dailyMetrics().table();
            case PRODUCT_SUMMARY -> streams.productSummary().table();
        };
    }

    /** One source task, so a changelog reaches the pipeline in list order. */
    private static DataStream<RowData> stream(StreamExecutionEnvironment env, List<RowData> rows, Schema schema) {
        return env.fromData(rows, SilverSchemas.rowTypeInfo(schema)).setParallelism(1);
    }
}
