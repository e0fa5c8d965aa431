package dev.lakehouse.payments;

import dev.lakehouse.bronze.BronzeTables;
import dev.lakehouse.contract.Source;
import dev.lakehouse.iceberg.SilverSchemas;
import dev.lakehouse.iceberg.TableSpec;
import dev.lakehouse.iceberg.WriteMode;
import dev.lakehouse.late.LateEventTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.types.Types.NestedField;

/**
 * {@code silver.payment_analysis} (append-only, one row per transaction, keyed by transaction_id) and
 * {@code silver.customer_payment_profile} (upsert on customer_id). Contract amounts are decimal(10,2), money sums
 * decimal(18,2), averages double.
 */
public final class PaymentTables {
    public static final TableIdentifier PAYMENT_ANALYSIS = TableIdentifier.of(SilverSchemas.NAMESPACE, "payment_analysis");
    public static final TableIdentifier CUSTOMER_PAYMENT_PROFILE =
            TableIdentifier.of(SilverSchemas.NAMESPACE, "customer_payment_profile");

    private static final int TRANSACTION_ID_FIELD = 1;
    private static final int CUSTOMER_ID_FIELD = 1;

    private PaymentTables() {}

    /**
     * The contract columns typed and numbered exactly as in bronze (transaction_id is field 1), then the derived
     * columns; the order of {@link PaymentRows#analysis}.
     */
    public static Schema analysisSchema() {
        Source source = Source.PAYMENT_TRANSACTIONS;
        List<NestedField> fields = new ArrayList<>(
                BronzeTables.schema(source).columns().subList(0, source.columns().size()));
        int id = fields.size() + 1;
        fields.add(NestedField.optional(id++, "transaction_date", Types.DateType.get()));
        fields.add(NestedField.optional(id++, "transaction_hour", Types.IntegerType.get()));
        fields.add(NestedField.optional(id++, "transaction_day_of_week", Types.IntegerType.get(), "ISO, 1 = Monday"));
        fields.add(NestedField.optional(id++, "is_successful", Types.BooleanType.get()));
        fields.add(NestedField.optional(id++, "is_failed", Types.BooleanType.get()));
        fields.add(NestedField.optional(id++, "is_refunded", Types.BooleanType.get()));
        fields.add(NestedField.optional(id++, "is_high_risk", Types.BooleanType.get()));
        fields.add(NestedField.optional(id++, "net_amount", Types.DecimalType.of(10, 2)));
        fields.add(NestedField.optional(id++, "payment_method_risk_category", Types.StringType.get()));
        fields.add(NestedField.optional(id++, "customer_total_transactions", Types.LongType.get()));
        fields.add(NestedField.optional(id++, "customer_successful_transactions", Types.LongType.get()));
        fields.add(NestedField.optional(id++, "customer_failed_transactions", Types.LongType.get()));
        fields.add(NestedField.optional(id++, "customer_avg_transaction_amount", Types.DoubleType.get()));
        fields.add(NestedField.optional(id++, "customer_max_transaction_amount", Types.DecimalType.of(10, 2)));
        fields.add(NestedField.optional(id++, "is_high_failure_rate_customer", Types.BooleanType.get()));
        fields.add(NestedField.optional(id++, "is_unusual_large_transaction", Types.BooleanType.get()));
        fields.add(NestedField.optional(id, "is_velocity_burst", Types.BooleanType.get()));
        return new Schema(fields, Set.of(TRANSACTION_ID_FIELD));
    }

    /** The order of {@link PaymentRows#profile}. */
    public static Schema profileSchema() {
        List<NestedField> fields = List.of(
                NestedField.required(CUSTOMER_ID_FIELD, "customer_id", Types.StringType.get()),
                NestedField.optional(2, "total_transactions", Types.LongType.get()),
                NestedField.optional(3, "successful_transactions", Types.LongType.get()),
                NestedField.optional(4, "failed_transactions", Types.LongType.get()),
                NestedField.optional(5, "high_risk_transactions", Types.LongType.get()),
                NestedField.optional(6, "avg_amount", Types.DoubleType.get()),
                NestedField.optional(7, "max_amount", Types.DecimalType.of(10, 2)),
                NestedField.optional(8, "total_successful_amount", Types.DecimalType.of(18, 2)),
                NestedField.optional(9, "distinct_payment_methods", Types.LongType.get()));
        return new Schema(fields, Set.of(CUSTOMER_ID_FIELD));
    }

    /** The analysis table's key; the table is appended to, so the key documents uniqueness, no writer enforces it. */
    public static List<String> analysisKeyColumns() {
        return List.of("transaction_id");
    }

    public static List<String> profileEqualityColumns() {
        return List.of("customer_id");
    }

    /**
     * Appended, not upserted: {@link PaymentAnalyzer} analyses each transaction exactly once, so an upsert would only
     * add an equality delete per row, which every read must apply and compaction must fold away. In a 30-minute soak
     * they were the one table whose delete files kept growing.
     */
    public static TableSpec analysisSpec() {
        return SilverSchemas.spec(PAYMENT_ANALYSIS, analysisSchema(), WriteMode.APPEND);
    }

    public static TableSpec profileSpec() {
        return SilverSchemas.spec(CUSTOMER_PAYMENT_PROFILE, profileSchema(), WriteMode.UPSERT);
    }
}
