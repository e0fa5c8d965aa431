package dev.lakehouse.contract;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * Values that parse but that no real event can have. Rejected here, so the row goes to the dead letters with its reason
 * instead of into bronze:
 *
 * <ul>
 *   <li>{@code negative_amount}: a payment's {@code amount} or {@code gateway_fee}, or a snapshot's {@code unit_cost},
 *       below 0. The contract represents a refund as {@code payment_status = refunded} with the original, positive
 *       amount; a negative amount is not a refund but a broken row, and summed into revenue it would silently cancel
 *       real sales. 0.00 is kept (a zero-value authorisation is possible).
 *   <li>{@code out_of_range}: a value outside a scale the contract defines, not a generator range: {@code risk_score}
 *       outside 0..100, {@code satisfaction_score} outside 1..5; and an inventory quantity beyond ±99,999,999, the most a
 *       quantity × a decimal(10,2) unit cost can be and still fit silver's decimal(18,2) inventory values (a wider
 *       product would fail the job on every restart instead of landing one bad row here).
 *   <li>{@code time_before_creation}: a ticket's {@code first_response_timestamp} or {@code resolution_timestamp}
 *       earlier than its {@code created_timestamp}. Its response and resolution times would be negative and would meet
 *       every SLA. The same second as creation is kept (0 minutes).
 * </ul>
 *
 * <p>Kept on purpose, because the contract or silver gives them a meaning: amounts of 0 or above 2000.00 (silver's
 * {@code is_unusual_large_transaction} flags outliers), a gateway fee above the amount (a negative
 * {@code net_amount}), negative or inconsistent stock (reserved above on hand, available ≠ on hand − reserved: silver
 * reads {@code quantity_available <= 0} as out of stock and annual turns as 0 when on hand is not positive), a
 * resolution before the first response, and values outside the enumerated domains (silver maps an unknown payment
 * method to high_risk, an unknown channel to Other, an unknown priority to low's SLA).
 */
public final class ImpossibleValues {
    public static final int MIN_RISK_SCORE = 0;
    public static final int MAX_RISK_SCORE = 100;
    public static final int MIN_SATISFACTION_SCORE = 1;
    public static final int MAX_SATISFACTION_SCORE = 5;
    public static final int MAX_ABSOLUTE_QUANTITY = 99_999_999;

    private static final Source PAYMENTS = Source.PAYMENT_TRANSACTIONS;
    private static final Source SNAPSHOTS = Source.INVENTORY_SNAPSHOTS;
    private static final Source TICKETS = Source.SUPPORT_TICKETS;
    private static final int AMOUNT = PAYMENTS.columnIndex("amount");
    private static final int GATEWAY_FEE = PAYMENTS.columnIndex("gateway_fee");
    private static final int RISK_SCORE = PAYMENTS.columnIndex("risk_score");
    private static final int UNIT_COST = SNAPSHOTS.columnIndex("unit_cost");
    private static final int[] QUANTITIES = {
        SNAPSHOTS.columnIndex("quantity_on_hand"), SNAPSHOTS.columnIndex("quantity_reserved"),
        SNAPSHOTS.columnIndex("quantity_available"), SNAPSHOTS.columnIndex("reorder_point"),
        SNAPSHOTS.columnIndex("reorder_quantity")};
    private static final int CREATED = TICKETS.columnIndex("created_timestamp");
    private static final int FIRST_RESPONSE = TICKETS.columnIndex("first_response_timestamp");
    private static final int RESOLUTION = TICKETS.columnIndex("resolution_timestamp");
    private static final int SATISFACTION = TICKETS.columnIndex("satisfaction_score");

    private ImpossibleValues() {}

    /** @return the rejection of a row whose typed values include an impossible one, or null when there is none */
    static ParseResult.Rejected check(Source source, Object[] values) {
        return switch (source) {
            case CUSTOMER_EVENTS -> null;
            case PAYMENT_TRANSACTIONS -> firstOf(
                    negative(source, values, AMOUNT),
                    negative(source, values, GATEWAY_FEE),
                    outside(source, values, RISK_SCORE, MIN_RISK_SCORE, MAX_RISK_SCORE));
            case INVENTORY_SNAPSHOTS -> firstOf(negative(source, values, UNIT_COST), quantities(values));
            case SUPPORT_TICKETS -> firstOf(
                    before(values, FIRST_RESPONSE),
                    before(values, RESOLUTION),
                    outside(source, values, SATISFACTION, MIN_SATISFACTION_SCORE, MAX_SATISFACTION_SCORE));
        };
    }

    private static ParseResult.Rejected negative(Source source, Object[] values, int index) {
        BigDecimal value = (BigDecimal) values[index];
        return value != null && value.signum() < 0
                ? rejected(RejectReason.NEGATIVE_AMOUNT, source, index, value + " is below 0")
                : null;
    }

    private static ParseResult.Rejected outside(Source source, Object[] values, int index, int min, int max) {
        Number value = (Number) values[index];
        return value != null && (value.doubleValue() < min || value.doubleValue() > max)
                ? rejected(RejectReason.OUT_OF_RANGE, source, index, value + " is outside " + min + ".." + max)
                : null;
    }

    private static ParseResult.Rejected quantities(Object[] values) {
        for (int index : QUANTITIES) {
            Integer value = (Integer) values[index];
            if (value != null && Math.abs((long) value) > MAX_ABSOLUTE_QUANTITY) {
                return rejected(RejectReason.OUT_OF_RANGE, SNAPSHOTS, index,
                        value + " is beyond ±" + MAX_ABSOLUTE_QUANTITY);
            }
        }
        return null;
    }

    private static ParseResult.Rejected before(Object[] values, int index) {
        LocalDateTime value = (LocalDateTime) values[index];
        LocalDateTime created = (LocalDateTime) values[CREATED];
        return value != null && value.isBefore(created)
                ? rejected(RejectReason.TIME_BEFORE_CREATION, TICKETS, index, value + " is before created_timestamp " + created)
                : null;
    }

    private static ParseResult.Rejected rejected(RejectReason reason, Source source, int index, String why) {
        return RowParser.rejected(reason, source.columns().get(index).name() + " " + why);
    }

    private static ParseResult.Rejected firstOf(ParseResult.Rejected... candidates) {
        for (ParseResult.Rejected candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }
}
