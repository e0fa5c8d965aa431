package dev.lakehouse.payments;

import java.math.BigDecimal;

/**
 * A customer's figures as of one transaction: over the customer's transactions up to and including it, in
 * event-time order (transaction_id on equal times). Nothing later is visible (no look-ahead).
 *
 * @param customerAvgTransactionAmount over transactions with an amount; {@code null} when none has one
 * @param customerMaxTransactionAmount likewise
 * @param isHighFailureRateCustomer failed / total &gt; 0.3
 * @param isUnusualLargeTransaction amount &gt; 3 × the average amount of the earlier transactions; false when
 *     this amount is missing or no earlier transaction has an amount
 * @param isVelocityBurst 5 or more of the customer's transactions in {@code [t − 1 h, t]}, this one included
 */
public record CustomerPaymentFigures(
        long customerTotalTransactions,
        long customerSuccessfulTransactions,
        long customerFailedTransactions,
        Double customerAvgTransactionAmount,
        BigDecimal customerMaxTransactionAmount,
        boolean isHighFailureRateCustomer,
        boolean isUnusualLargeTransaction,
        boolean isVelocityBurst) {}
