package dev.lakehouse.payments;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * The columns of {@code silver.payment_analysis} that depend on the transaction alone.
 *
 * @param transactionDayOfWeek ISO: 1 = Monday … 7 = Sunday
 * @param isHighRisk risk_score &gt;= 80; a missing risk score is not high risk
 * @param netAmount amount − gateway_fee, scale 2; {@code null} when either is missing
 */
public record PaymentDerivations(
        LocalDate transactionDate,
        int transactionHour,
        int transactionDayOfWeek,
        boolean isSuccessful,
        boolean isFailed,
        boolean isRefunded,
        boolean isHighRisk,
        BigDecimal netAmount,
        PaymentMethodRiskCategory paymentMethodRiskCategory) {

    public static final double HIGH_RISK_SCORE = 80.0;

    public static PaymentDerivations of(PaymentTransaction transaction) {
        var time = transaction.transactionTimestamp();
        String status = transaction.paymentStatus();
        return new PaymentDerivations(
                time.toLocalDate(),
                time.getHour(),
                time.getDayOfWeek().getValue(),
                PaymentStatuses.COMPLETED.equals(status),
                PaymentStatuses.FAILED.equals(status),
                PaymentStatuses.REFUNDED.equals(status),
                isHighRisk(transaction.riskScore()),
                netAmount(transaction.amount(), transaction.gatewayFee()),
                PaymentMethodRiskCategory.of(transaction.paymentMethod()));
    }

    public static boolean isHighRisk(Double riskScore) {
        return riskScore != null && riskScore >= HIGH_RISK_SCORE;
    }

    static BigDecimal netAmount(BigDecimal amount, BigDecimal gatewayFee) {
        if (amount == null || gatewayFee == null) {
            return null;
        }
        return amount.subtract(gatewayFee).setScale(2, RoundingMode.HALF_UP);
    }
}
