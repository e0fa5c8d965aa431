package dev.lakehouse.oracle;

import dev.lakehouse.oracle.SeedData.PaymentTransaction;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** silver.payment_analysis and silver.customer_payment_profile, see {@link SilverOracle}. */
final class PaymentOracle {
    static final OracleRow.Layout ANALYSIS_LAYOUT = OracleRow.Layout.of(SeedData.PAYMENT_TRANSACTION_COLUMNS,
            "transaction_date", "transaction_hour", "transaction_day_of_week", "is_successful", "is_failed",
            "is_refunded", "is_high_risk", "net_amount", "payment_method_risk_category",
            "customer_total_transactions", "customer_successful_transactions", "customer_failed_transactions",
            "customer_avg_transaction_amount", "customer_max_transaction_amount", "is_high_failure_rate_customer",
            "is_unusual_large_transaction", "is_velocity_burst");

    static final OracleRow.Layout PROFILE_LAYOUT = OracleRow.Layout.of(List.of("customer_id",
            "total_transactions", "successful_transactions", "failed_transactions", "high_risk_transactions",
            "avg_amount", "max_amount", "total_successful_amount", "distinct_payment_methods"));

    static final double HIGH_RISK_SCORE = 80;
    static final int VELOCITY_BURST_TRANSACTIONS = 5;

    /** A customer's transactions in event-time order; ties in time by transaction_id. */
    private static final Comparator<PaymentTransaction> EVENT_TIME_ORDER = Comparator
            .comparing(PaymentTransaction::transactionTimestamp)
            .thenComparing(PaymentTransaction::transactionId);

    private PaymentOracle() {}

    // ------------------------------------------------------------------------------------ payment_analysis

    static List<Map<String, Object>> analysis(List<PaymentTransaction> transactions) {
        List<Map<String, Object>> rows = new ArrayList<>(transactions.size());
        for (List<PaymentTransaction> history : byCustomerInEventTimeOrder(transactions).values()) {
            RunningFigures figures = new RunningFigures();
            for (int i = 0; i < history.size(); i++) {
                PaymentTransaction tx = history.get(i);
                // Judged against the earlier transactions only, so before this one joins the figures.
                boolean unusualLarge = figures.isMoreThanThreeTimesAverage(tx.amount());
                figures.add(tx);
                rows.add(analysisRow(tx, figures, unusualLarge, isVelocityBurst(history, i)));
            }
        }
        return rows;
    }

    private static OracleRow analysisRow(PaymentTransaction tx, RunningFigures asOfThis, boolean unusualLarge,
            boolean velocityBurst) {
        LocalDateTime time = tx.transactionTimestamp();
        return contractColumns(ANALYSIS_LAYOUT.row(), tx)
                .put("transaction_date", time.toLocalDate())
                .put("transaction_hour", time.getHour())
                .put("transaction_day_of_week", time.getDayOfWeek().getValue())
                .put("is_successful", isCompleted(tx))
                .put("is_failed", isFailed(tx))
                .put("is_refunded", "refunded".equals(tx.paymentStatus()))
                .put("is_high_risk", isHighRisk(tx))
                .put("net_amount", tx.amount() == null || tx.gatewayFee() == null
                        ? null : tx.amount().subtract(tx.gatewayFee()))
                .put("payment_method_risk_category", methodRiskCategory(tx.paymentMethod()))
                .put("customer_total_transactions", asOfThis.total)
                .put("customer_successful_transactions", asOfThis.successful)
                .put("customer_failed_transactions", asOfThis.failed)
                .put("customer_avg_transaction_amount", asOfThis.averageAmount())
                .put("customer_max_transaction_amount", asOfThis.maxAmount)
                // failed / total > 0.3, in integers to avoid any rounding question
                .put("is_high_failure_rate_customer", asOfThis.failed * 10 > asOfThis.total * 3)
                .put("is_unusual_large_transaction", unusualLarge)
                .put("is_velocity_burst", velocityBurst)
                .build();
    }

    private static OracleRow.Builder contractColumns(OracleRow.Builder row, PaymentTransaction tx) {
        return row.put("transaction_id", tx.transactionId())
                .put("order_id", tx.orderId())
                .put("customer_id", tx.customerId())
                .put("payment_method", tx.paymentMethod())
                .put("payment_status", tx.paymentStatus())
                .put("amount", tx.amount())
                .put("currency", tx.currency())
                .put("transaction_timestamp", tx.transactionTimestamp())
                .put("processor_response_code", tx.processorResponseCode())
                .put("gateway_fee", tx.gatewayFee())
                .put("merchant_id", tx.merchantId())
                .put("billing_country", tx.billingCountry())
                .put("risk_score", tx.riskScore());
    }

    /**
     * Whether the customer has 5 or more transactions in the hour ending at this one: times in
     * [t − 1 h, t], both ends included, this one and those at the very same time t included.
     */
    private static boolean isVelocityBurst(List<PaymentTransaction> history, int index) {
        LocalDateTime time = history.get(index).transactionTimestamp();
        LocalDateTime hourBefore = time.minusHours(1);
        int count = 0;
        for (int i = index; i >= 0 && !history.get(i).transactionTimestamp().isBefore(hourBefore); i--) {
            count++;
        }
        for (int i = index + 1; i < history.size() && history.get(i).transactionTimestamp().equals(time); i++) {
            count++;
        }
        return count >= VELOCITY_BURST_TRANSACTIONS;
    }

    static String methodRiskCategory(String paymentMethod) {
        if (paymentMethod == null) {
            return "high_risk";
        }
        return switch (paymentMethod) {
            case "credit_card", "debit_card" -> "low_risk";
            case "paypal", "apple_pay", "google_pay" -> "medium_risk";
            default -> "high_risk";
        };
    }

    /**
     * A customer's figures over the transactions added so far. Averages and maxima are over non-null
     * amounts; the average is NULL while there is none.
     */
    private static final class RunningFigures {
        long total;
        long successful;
        long failed;
        long highRisk;
        long amountCount;
        BigDecimal amountSum = BigDecimal.ZERO;
        BigDecimal maxAmount;
        BigDecimal successfulAmountSum = BigDecimal.ZERO.setScale(2);
        final Set<String> paymentMethods = new HashSet<>();

        void add(PaymentTransaction tx) {
            total++;
            successful += isCompleted(tx) ? 1 : 0;
            failed += isFailed(tx) ? 1 : 0;
            highRisk += isHighRisk(tx) ? 1 : 0;
            if (tx.paymentMethod() != null) {
                paymentMethods.add(tx.paymentMethod());
            }
            BigDecimal amount = tx.amount();
            if (amount != null) {
                amountCount++;
                amountSum = amountSum.add(amount);
                maxAmount = maxAmount == null || amount.compareTo(maxAmount) > 0 ? amount : maxAmount;
                if (isCompleted(tx)) {
                    successfulAmountSum = successfulAmountSum.add(amount);
                }
            }
        }

        Double averageAmount() {
            // The exact decimal sum divided once: the double closest to the true average.
            return amountCount == 0 ? null
                    : amountSum.divide(BigDecimal.valueOf(amountCount), MathContext.DECIMAL128).doubleValue();
        }

        /** amount > 3 × average, as amount × n > 3 × sum in exact decimals; false when no amount is known. */
        boolean isMoreThanThreeTimesAverage(BigDecimal amount) {
            if (amount == null || amountCount == 0) {
                return false;
            }
            return amount.multiply(BigDecimal.valueOf(amountCount))
                    .compareTo(amountSum.multiply(BigDecimal.valueOf(3))) > 0;
        }
    }

    // ---------------------------------------------------------------------------- customer_payment_profile

    static List<Map<String, Object>> profiles(List<PaymentTransaction> transactions) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map.Entry<String, List<PaymentTransaction>> customer :
                byCustomerInEventTimeOrder(transactions).entrySet()) {
            RunningFigures all = new RunningFigures();
            customer.getValue().forEach(all::add);
            rows.add(PROFILE_LAYOUT.row()
                    .put("customer_id", customer.getKey())
                    .put("total_transactions", all.total)
                    .put("successful_transactions", all.successful)
                    .put("failed_transactions", all.failed)
                    .put("high_risk_transactions", all.highRisk)
                    .put("avg_amount", all.averageAmount())
                    .put("max_amount", all.maxAmount)
                    .put("total_successful_amount", all.successfulAmountSum)
                    .put("distinct_payment_methods", (long) all.paymentMethods.size())
                    .build());
        }
        return rows;
    }

    // ------------------------------------------------------------------------------------------- shared

    private static Map<String, List<PaymentTransaction>> byCustomerInEventTimeOrder(
            List<PaymentTransaction> transactions) {
        Map<String, List<PaymentTransaction>> byCustomer = new LinkedHashMap<>();
        for (PaymentTransaction tx : transactions) {
            byCustomer.computeIfAbsent(tx.customerId(), c -> new ArrayList<>()).add(tx);
        }
        byCustomer.values().forEach(history -> history.sort(EVENT_TIME_ORDER));
        return byCustomer;
    }

    private static boolean isCompleted(PaymentTransaction tx) {
        return "completed".equals(tx.paymentStatus());
    }

    private static boolean isFailed(PaymentTransaction tx) {
        return "failed".equals(tx.paymentStatus());
    }

    private static boolean isHighRisk(PaymentTransaction tx) {
        return tx.riskScore() != null && tx.riskScore() >= HIGH_RISK_SCORE;
    }
}
