package dev.lakehouse.payments;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-customer state behind the as-of columns of {@code silver.payment_analysis}.
 *
 * <p>Transactions must be {@linkplain #record recorded} in event-time order, equal times by transaction_id:
 * the figures of a transaction are those of everything recorded before it plus itself, so this order is what
 * makes them reproducible. A Flink operator buffers each customer's transactions until the watermark passes
 * them and records them sorted; {@link #canRecord} tells whether a transaction still fits (a late one does not).
 *
 * <p>A missing amount counts as a transaction (total, successful, failed, velocity) but is left out of the
 * average and maximum, as SQL's AVG and MAX skip NULL.
 *
 * <p>State stays small: counters, an exact amount sum, and only the timestamps of the last hour. It is a Flink
 * POJO: public no-arg constructor, public fields; the list is declared as {@code List} so that Flink uses its own
 * list serializer instead of falling back to Kryo.
 */
public class CustomerPaymentHistory {
    public static final long VELOCITY_BURST_TRANSACTIONS = 5;
    public static final Duration VELOCITY_WINDOW = Duration.ofHours(1);
    /** A customer is high-failure when failed / total &gt; 3 / 10. */
    static final long HIGH_FAILURE_NUMERATOR = 3;
    static final long HIGH_FAILURE_DENOMINATOR = 10;
    static final BigDecimal UNUSUAL_LARGE_FACTOR = BigDecimal.valueOf(3);

    public long totalTransactions;
    public long successfulTransactions;
    public long failedTransactions;
    /** How many transactions had an amount; the divisor of the average. */
    public long amountCount;
    public BigDecimal amountSum = BigDecimal.ZERO;
    /** {@code null} until a transaction with an amount is recorded. */
    public BigDecimal maxAmount;
    /** Times (epoch ms) of recorded transactions not older than one hour before the last one, ascending. */
    public List<Long> recentMillis = new ArrayList<>();
    /** The last recorded transaction's position in the order; {@code lastTransactionId == null} before the first. */
    public long lastMillis;
    public String lastTransactionId;

    public CustomerPaymentHistory() {}

    /** Whether {@code transaction} comes after everything recorded so far in (event time, transaction_id) order. */
    public boolean canRecord(PaymentTransaction transaction) {
        if (lastTransactionId == null) {
            return true;
        }
        long time = transaction.eventTimeMillis();
        return time > lastMillis || (time == lastMillis && transaction.transactionId().compareTo(lastTransactionId) > 0);
    }

    /**
     * Adds the next transaction and returns the customer's figures as of it.
     *
     * @throws IllegalArgumentException when it does not come after the last recorded one; see {@link #canRecord}
     */
    public CustomerPaymentFigures record(PaymentTransaction transaction) {
        if (!canRecord(transaction)) {
            throw new IllegalArgumentException("transaction " + transaction.transactionId()
                    + " is not after " + lastTransactionId + " in event-time order");
        }
        BigDecimal amount = transaction.amount();
        // Compared with the earlier transactions only, so decided before this one joins the average.
        boolean unusualLarge = isUnusualLarge(amount);

        long time = transaction.eventTimeMillis();
        lastMillis = time;
        lastTransactionId = transaction.transactionId();
        totalTransactions++;
        String status = transaction.paymentStatus();
        if (PaymentStatuses.COMPLETED.equals(status)) {
            successfulTransactions++;
        } else if (PaymentStatuses.FAILED.equals(status)) {
            failedTransactions++;
        }
        if (amount != null) {
            amountCount++;
            amountSum = amountSum.add(amount);
            maxAmount = maxAmount == null ? amount : maxAmount.max(amount);
        }
        long transactionsInLastHour = rememberForVelocity(time);

        return new CustomerPaymentFigures(
                totalTransactions,
                successfulTransactions,
                failedTransactions,
                amountCount == 0 ? null : amountSum.doubleValue() / amountCount,
                maxAmount,
                failedTransactions * HIGH_FAILURE_DENOMINATOR > totalTransactions * HIGH_FAILURE_NUMERATOR,
                unusualLarge,
                transactionsInLastHour >= VELOCITY_BURST_TRANSACTIONS);
    }

    /** Records {@code transaction} and puts its full {@code silver.payment_analysis} row together. */
    public PaymentAnalysis analyze(PaymentTransaction transaction) {
        CustomerPaymentFigures figures = record(transaction);
        return new PaymentAnalysis(transaction, PaymentDerivations.of(transaction), figures);
    }

    private boolean isUnusualLarge(BigDecimal amount) {
        if (amount == null || amountCount == 0) {
            return false;
        }
        // amount > 3 × sum / count, kept exact as amount × count > 3 × sum: exactly 3× must not count.
        return amount.multiply(BigDecimal.valueOf(amountCount)).compareTo(UNUSUAL_LARGE_FACTOR.multiply(amountSum)) > 0;
    }

    /**
     * Keeps the times inside {@code [time − 1 h, time]} (a transaction exactly one hour earlier still counts) and
     * returns how many there are. Later transactions are never earlier than {@code time}, so what falls out of
     * this window can never come back into a later one.
     */
    private long rememberForVelocity(long time) {
        long windowStart = time - VELOCITY_WINDOW.toMillis();
        recentMillis.removeIf(earlier -> earlier < windowStart);
        recentMillis.add(time);
        return recentMillis.size();
    }
}
