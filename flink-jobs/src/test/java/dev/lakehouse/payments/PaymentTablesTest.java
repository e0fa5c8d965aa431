package dev.lakehouse.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.iceberg.TableSpec;
import dev.lakehouse.iceberg.WriteMode;
import java.util.List;
import org.apache.iceberg.Schema;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

class PaymentTablesTest {
    @Test
    void analysisHasTheContractColumnsThenEveryDerivedColumnOfTheSpec() {
        assertThat(PaymentTables.analysisSchema().columns()).extracting(Types.NestedField::name).containsExactly(
                "transaction_id", "order_id", "customer_id", "payment_method", "payment_status", "amount", "currency",
                "transaction_timestamp", "processor_response_code", "gateway_fee", "merchant_id", "billing_country",
                "risk_score", "transaction_date", "transaction_hour", "transaction_day_of_week", "is_successful",
                "is_failed", "is_refunded", "is_high_risk", "net_amount", "payment_method_risk_category",
                "customer_total_transactions", "customer_successful_transactions", "customer_failed_transactions",
                "customer_avg_transaction_amount", "customer_max_transaction_amount", "is_high_failure_rate_customer",
                "is_unusual_large_transaction", "is_velocity_burst");
        assertThat(PaymentTables.analysisSchema().findType("amount")).isEqualTo(Types.DecimalType.of(10, 2));
        assertThat(PaymentTables.analysisSchema().findType("transaction_timestamp")).isEqualTo(Types.TimestampType.withoutZone());
    }

    @Test
    void profileSumsAreWiderThanAmounts() {
        Schema schema = PaymentTables.profileSchema();
        assertThat(schema.findType("total_successful_amount")).isEqualTo(Types.DecimalType.of(18, 2));
        assertThat(schema.findType("max_amount")).isEqualTo(Types.DecimalType.of(10, 2));
        assertThat(schema.findType("avg_amount")).isEqualTo(Types.DoubleType.get());
    }

    @Test
    void theProfileIsAnUpsertTableKeyedByCustomer() {
        assertUpsertOn(PaymentTables.profileSpec(), PaymentTables.profileEqualityColumns());
        assertThat(PaymentTables.profileEqualityColumns()).containsExactly("customer_id");
    }

    @Test
    void analysisIsAppendOnlyAndKeyedByTransaction() {
        TableSpec spec = PaymentTables.analysisSpec();
        assertThat(spec.writeMode()).isEqualTo(WriteMode.APPEND);
        assertThat(spec.properties()).doesNotContainKey(TableProperties.UPSERT_ENABLED)
                .containsEntry(TableProperties.FORMAT_VERSION, "2");
        assertThat(spec.schema().identifierFieldNames()).containsExactly("transaction_id");
        assertThat(PaymentTables.analysisKeyColumns()).containsExactly("transaction_id");
    }

    static void assertUpsertOn(TableSpec spec, List<String> equalityColumns) {
        assertThat(spec.identifier().namespace().levels()).containsExactly("silver");
        assertThat(spec.writeMode()).isEqualTo(WriteMode.UPSERT);
        assertThat(spec.schema().identifierFieldNames()).containsExactlyInAnyOrderElementsOf(equalityColumns);
        assertThat(spec.properties()).containsEntry(TableProperties.UPSERT_ENABLED, "true")
                .containsEntry(TableProperties.FORMAT_VERSION, "2");
    }
}
