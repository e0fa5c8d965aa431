package dev.lakehouse.payments;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.Set;

/**
 * Accumulates {@code silver.customer_payment_profile} for one customer over all transactions.
 *
 * <p>Unlike {@link CustomerPaymentHistory} the profile does not depend on order, so transactions may be added
 * as they arrive and partial profiles merged. A missing amount counts as a transaction but not in the average,
 * maximum or successful sum. A Flink POJO: public no-arg constructor, public fields.
 */
public class CustomerPaymentProfile {
    public String customerId;
    public long totalTransactions;
    public long successfulTransactions;
    public long failedTransactions;
    public long highRiskTransactions;
    public long amountCount;
    public BigDecimal amountSum = BigDecimal.ZERO;
    public BigDecimal maxAmount;
    public BigDecimal successfulAmountSum = BigDecimal.ZERO;
    /** The method names themselves: six in the contract, so the set stays small. */
    public Set<String> paymentMethods = new HashSet<>();

    public CustomerPaymentProfile() {}

    public CustomerPaymentProfile add(PaymentTransaction transaction) {
        requireCustomer(transaction.customerId());
        totalTransactions++;
        BigDecimal amount = transaction.amount();
        String status = transaction.paymentStatus();
        if (PaymentStatuses.COMPLETED.equals(status)) {
            successfulTransactions++;
            if (amount != null) {
                successfulAmountSum = successfulAmountSum.add(amount);
            }
        } else if (PaymentStatuses.FAILED.equals(status)) {
            failedTransactions++;
        }
        if (PaymentDerivations.isHighRisk(transaction.riskScore())) {
            highRiskTransactions++;
        }
        if (amount != null) {
            amountCount++;
            amountSum = amountSum.add(amount);
            maxAmount = maxAmount == null ? amount : maxAmount.max(amount);
        }
        if (transaction.paymentMethod() != null) {
            paymentMethods.add(transaction.paymentMethod());
        }
        return this;
    }

    /** Adds {@code other}'s transactions to this profile and returns it; {@code other} is left unchanged. */
    public CustomerPaymentProfile merge(CustomerPaymentProfile other) {
        if (other.customerId == null) {
            return this;
        }
        requireCustomer(other.customerId);
        totalTransactions += other.totalTransactions;
        successfulTransactions += other.successfulTransactions;
        failedTransactions += other.failedTransactions;
        highRiskTransactions += other.highRiskTransactions;
        amountCount += other.amountCount;
        amountSum = amountSum.add(other.amountSum);
        if (other.maxAmount != null) {
            maxAmount = maxAmount == null ? other.maxAmount : maxAmount.max(other.maxAmount);
        }
        successfulAmountSum = successfulAmountSum.add(other.successfulAmountSum);
        paymentMethods.addAll(other.paymentMethods);
        return this;
    }

    private void requireCustomer(String otherCustomerId) {
        if (customerId == null) {
            customerId = otherCustomerId;
        } else if (!customerId.equals(otherCustomerId)) {
            throw new IllegalArgumentException("transaction of " + otherCustomerId + " added to profile of " + customerId);
        }
    }

    public PaymentProfileSummary toSummary() {
        return new PaymentProfileSummary(
                customerId,
                totalTransactions,
                successfulTransactions,
                failedTransactions,
                highRiskTransactions,
                amountCount == 0 ? null : amountSum.doubleValue() / amountCount,
                maxAmount,
                successfulAmountSum.setScale(2, RoundingMode.HALF_UP),
                paymentMethods.size());
    }
}
