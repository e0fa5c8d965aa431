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
 * them and records them sorted; {@link #canRecord} tells whether a transaction still fits (a late one does not),
 * and {@link #recordOutOfOrder} takes one that does not without breaking the order of the others.
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
        // Compared with the earlier transactions only, so decided before this one joins the average.
        boolean unusualLarge = isUnusualLarge(transaction.amount());
        long time = transaction.eventTimeMillis();
        lastMillis = time;
        lastTransactionId = transaction.transactionId();
        count(transaction);
        return figures(unusualLarge, rememberForVelocity(time));
    }

    /**
     * Adds a transaction that arrived after later ones were recorded (behind the watermark) and returns its
     * figures as of its arrival: everything recorded so far plus itself. Order-independent figures (counts,
     * average, maximum) of the transactions recorded later are exactly what in-order recording gives; only this
     * transaction's own figures may include transactions later than it. Its velocity counts the remembered
     * times in {@code [t − 1 h, t]} plus itself, a lower bound when it is more than an hour older than the last
     * recorded one. When it still fits the order, this is {@link #record}.
     */
    public CustomerPaymentFigures recordOutOfOrder(PaymentTransaction transaction) {
        if (canRecord(transaction)) {
            return record(transaction);
        }
        boolean unusualLarge = isUnusualLarge(transaction.amount());
        count(transaction);
        return figures(unusualLarge, rememberOutOfOrder(transaction.eventTimeMillis()));
    }

    /** Records {@code transaction} and puts its full {@code silver.payment_analysis} row together. */
    public PaymentAnalysis analyze(PaymentTransaction transaction) {
        CustomerPaymentFigures figures = record(transaction);
        return new PaymentAnalysis(transaction, PaymentDerivations.of(transaction), figures);
    }

    /** {@link #recordOutOfOrder} with the full {@code silver.payment_analysis} row. */
    public PaymentAnalysis analyzeOutOfOrder(PaymentTransaction transaction) {
        CustomerPaymentFigures figures = recordOutOfOrder(transaction);
        return new PaymentAnalysis(transaction, PaymentDerivations.of(transaction), figures);
    }

    private void count(PaymentTransaction transaction) {
        totalTransactions++;
        String status = transaction.paymentStatus();
        if (PaymentStatuses.COMPLETED.equals(status)) {
            successfulTransactions++;
        } else if (PaymentStatuses.FAILED.equals(status)) {
            failedTransactions++;
        }
        BigDecimal amount = transaction.amount();
        if (amount != null) {
            amountCount++;
            amountSum = amountSum.add(amount);
            maxAmount = maxAmount == null ? amount : maxAmount.max(amount);
        }
    }

    private CustomerPaymentFigures figures(boolean unusualLarge, long transactionsInLastHour) {
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

    /**
     * Counts the remembered times in {@code [time − 1 h, time]} plus {@code time}, and remembers {@code time} in
     * its sorted place when a later window can still reach it: later transactions come after
     * {@link #lastMillis}, so a time older than an hour before it never counts again.
     */
    private long rememberOutOfOrder(long time) {
        long windowStart = time - VELOCITY_WINDOW.toMillis();
        long inWindow = 1 + recentMillis.stream().filter(t -> t >= windowStart && t <= time).count();
        if (time >= lastMillis - VELOCITY_WINDOW.toMillis()) {
            int position = 0;
            while (position < recentMillis.size() && recentMillis.get(position) <= time) {
                position++;
            }
            recentMillis.add(position, time);
        }
        return inWindow;
    }
}
