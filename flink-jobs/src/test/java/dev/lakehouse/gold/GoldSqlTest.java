package dev.lakehouse.gold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.iceberg.TableSpec;
import dev.lakehouse.iceberg.WriteMode;
import java.io.File;
import java.net.URL;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.junit.jupiter.api.Test;

/** The SQL files as packaged on the classpath: each parses over the input views and yields its table's key. */
class GoldSqlTest {
    @Test
    void everySqlFileUnderGoldIsAGoldTable() {
        URL folder = GoldSqlTest.class.getClassLoader().getResource(GoldTable.SQL_FOLDER);
        assertThat(folder).as("sql/flink/gold on the classpath").isNotNull();
        List<String> files = Arrays.stream(new File(folder.getPath()).list()).filter(f -> f.endsWith(".sql")).sorted().toList();

        assertThat(files).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(GoldTable.values()).map(t -> t.tableName() + ".sql").toList());
    }

    /** The SQL's explicit casts pin these types: a change here changes the tables users query. */
    @Test
    void theSchemasFollowFromTheSql() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        GoldStreams streams = GoldPipeline.build(StreamTableEnvironment.create(env), GoldFixtures.emptyInputs(env));

        assertThat(columns(streams.customerSummary().table())).containsExactly(
                "customer_id required string", "total_sessions required long",
                "avg_session_duration_seconds optional double", "total_events required long",
                "conversion_rate required double", "total_transactions required long",
                "total_revenue required decimal(18, 2)", "avg_transaction_amount optional double",
                "total_support_tickets required long", "avg_satisfaction_score optional double",
                "last_activity_at required timestamp", "customer_segment required string");
        assertThat(columns(streams.dailyMetrics().table())).containsExactly(
                "metric_date required date", "total_sessions required long", "unique_customers required long",
                "avg_session_duration_seconds required double", "total_transactions required long",
                "successful_transactions required long", "daily_revenue required decimal(18, 2)",
                "avg_order_value required double", "avg_risk_score required double", "fraud_flag_count required long",
                "total_tickets required long", "avg_response_time_hours required double",
                "avg_resolution_time_hours required double");
        assertThat(columns(streams.productSummary().table())).containsExactly(
                "product_id required string", "total_events required long", "product_views required long",
                "cart_adds required long", "unique_customers required long", "total_sessions required long",
                "avg_quantity_on_hand required double", "avg_reorder_point required double",
                "current_stock_level required long", "needs_reorder required boolean");
    }

    private static List<String> columns(TableSpec spec) {
        return spec.schema().columns().stream()
                .map(f -> f.name() + (f.isRequired() ? " required " : " optional ") + f.type())
                .toList();
    }

    @Test
    void everyQueryParsesAndItsSchemaHasTheKeyAsOnlyIdentifierField() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        GoldStreams streams = GoldPipeline.build(StreamTableEnvironment.create(env), GoldFixtures.emptyInputs(env));

        for (GoldTable table : GoldTable.values()) {
            TableSpec spec = GoldFixtures.spec(streams, table);
            assertThat(spec.identifier().toString()).isEqualTo("gold." + table.tableName());
            assertThat(spec.schema().identifierFieldNames()).containsExactly(table.keyColumn());
            assertThat(spec.schema().findField(table.keyColumn()).isRequired()).isTrue();
            assertThat(spec.schema().columns().get(0).name()).isEqualTo(table.keyColumn());
            assertThat(spec.writeMode()).isEqualTo(WriteMode.UPSERT);
            assertThat(spec.properties()).containsEntry("write.upsert.enabled", "true").containsEntry("format-version", "2");
        }
    }
}
