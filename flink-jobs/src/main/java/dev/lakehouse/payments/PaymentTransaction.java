package dev.lakehouse.payments;

import dev.lakehouse.contract.Source;
import dev.lakehouse.contract.TypedRow;
import dev.lakehouse.flink.ContractRecordTypeInfo;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/** One row of {@code payment_transactions}, components in contract column order; {@code null} where empty. */
@TypeInfo(ContractRecordTypeInfo.class)
public record PaymentTransaction(
        String transactionId,
        String orderId,
        String customerId,
        String paymentMethod,
        String paymentStatus,
        BigDecimal amount,
        String currency,
        LocalDateTime transactionTimestamp,
        String processorResponseCode,
        BigDecimal gatewayFee,
        String merchantId,
        String billingCountry,
        Double riskScore) {

    public static PaymentTransaction fromRow(TypedRow row) {
        if (row.source() != Source.PAYMENT_TRANSACTIONS) {
            throw new IllegalArgumentException("not a payment transaction: " + row.source());
        }
        return new PaymentTransaction(
                (String) row.value(0),
                (String) row.value(1),
                (String) row.value(2),
                (String) row.value(3),
                (String) row.value(4),
                (BigDecimal) row.value(5),
                (String) row.value(6),
                (LocalDateTime) row.value(7),
                (String) row.value(8),
                (BigDecimal) row.value(9),
                (String) row.value(10),
                (String) row.value(11),
                (Double) row.value(12));
    }

    /** The event time as UTC epoch milliseconds, the unit Flink timestamps and watermarks use. */
    public long eventTimeMillis() {
        return transactionTimestamp.toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
