package dev.lakehouse.payments;

import dev.lakehouse.bronze.BronzeTypes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.types.RowKind;

/** Rows of the payment tables, in the column order of {@link PaymentTables}. */
public final class PaymentRows {
    private static final int AMOUNT_PRECISION = 10;
    private static final int SUM_PRECISION = 18;
    private static final int MONEY_SCALE = 2;

    private PaymentRows() {}

    public static InternalTypeInfo<RowData> analysisTypeInfo() {
        return InternalTypeInfo.of(BronzeTypes.rowType(PaymentTables.analysisSchema()));
    }

    public static InternalTypeInfo<RowData> profileTypeInfo() {
        return InternalTypeInfo.of(BronzeTypes.rowType(PaymentTables.profileSchema()));
    }

    /** Always an INSERT: a transaction is analysed once. */
    public static RowData analysis(PaymentAnalysis analysis) {
        PaymentTransaction tx = analysis.transaction();
        PaymentDerivations derived = analysis.derivations();
        CustomerPaymentFigures customer = analysis.customer();
        return GenericRowData.of(
                string(tx.transactionId()),
                string(tx.orderId()),
                string(tx.customerId()),
                string(tx.paymentMethod()),
                string(tx.paymentStatus()),
                money(tx.amount(), AMOUNT_PRECISION),
                string(tx.currency()),
                timestamp(tx.transactionTimestamp()),
                string(tx.processorResponseCode()),
                money(tx.gatewayFee(), AMOUNT_PRECISION),
                string(tx.merchantId()),
                string(tx.billingCountry()),
                tx.riskScore(),
                date(derived.transactionDate()),
                derived.transactionHour(),
                derived.transactionDayOfWeek(),
                derived.isSuccessful(),
                derived.isFailed(),
                derived.isRefunded(),
                derived.isHighRisk(),
                money(derived.netAmount(), AMOUNT_PRECISION),
                string(derived.paymentMethodRiskCategory().code()),
                customer.customerTotalTransactions(),
                customer.customerSuccessfulTransactions(),
                customer.customerFailedTransactions(),
                customer.customerAvgTransactionAmount(),
                money(customer.customerMaxTransactionAmount(), AMOUNT_PRECISION),
                customer.isHighFailureRateCustomer(),
                customer.isUnusualLargeTransaction(),
                customer.isVelocityBurst());
    }

    /** @param kind INSERT for a customer's first row, UPDATE_AFTER afterwards */
    public static RowData profile(RowKind kind, PaymentProfileSummary profile) {
        return GenericRowData.ofKind(kind,
                string(profile.customerId()),
                profile.totalTransactions(),
                profile.successfulTransactions(),
                profile.failedTransactions(),
                profile.highRiskTransactions(),
                profile.avgAmount(),
                money(profile.maxAmount(), AMOUNT_PRECISION),
                money(profile.successfulAmountSum(), SUM_PRECISION),
                profile.distinctPaymentMethods());
    }

    private static StringData string(String value) {
        return value == null ? null : StringData.fromString(value);
    }

    private static TimestampData timestamp(LocalDateTime value) {
        return value == null ? null : TimestampData.fromLocalDateTime(value);
    }

    private static Integer date(LocalDate value) {
        return value == null ? null : (int) value.toEpochDay();
    }

    /** Flink turns a value too wide for the column into NULL silently; a contract amount never is, so fail loudly. */
    private static DecimalData money(BigDecimal value, int precision) {
        if (value == null) {
            return null;
        }
        DecimalData decimal = DecimalData.fromBigDecimal(value, precision, MONEY_SCALE);
        if (decimal == null) {
            throw new IllegalArgumentException(value + " does not fit decimal(" + precision + "," + MONEY_SCALE + ")");
        }
        return decimal;
    }
}
