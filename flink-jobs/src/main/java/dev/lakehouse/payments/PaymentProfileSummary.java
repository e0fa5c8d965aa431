package dev.lakehouse.payments;

import java.math.BigDecimal;

/**
 * One row of {@code silver.customer_payment_profile}, key customer_id.
 *
 * @param avgAmount over transactions with an amount, any status; {@code null} when none has one
 * @param maxAmount likewise
 * @param successfulAmountSum sum of the amounts of completed transactions, scale 2; 0.00 when none
 * @param distinctPaymentMethods distinct non-null payment methods
 */
public record PaymentProfileSummary(
        String customerId,
        long totalTransactions,
        long successfulTransactions,
        long failedTransactions,
        long highRiskTransactions,
        Double avgAmount,
        BigDecimal maxAmount,
        BigDecimal successfulAmountSum,
        long distinctPaymentMethods) {}
