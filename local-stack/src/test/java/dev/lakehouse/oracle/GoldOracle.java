package dev.lakehouse.oracle;

import dev.lakehouse.oracle.SeedData.CustomerEvent;
import dev.lakehouse.oracle.SeedData.PaymentTransaction;
import dev.lakehouse.oracle.SeedData.SupportTicket;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Independent batch recomputation of the gold tables of {@code semantics.md}: the answer every gold table
 * must converge to once the streaming pipeline has processed the same seed files.
 *
 * <p>Plain batch code over {@link SeedData} and the {@link SilverOracle}'s sessions and inventory health,
 * sharing nothing with the streaming implementation. As the spec demands, every metric is aggregated from
 * its own source first (sessions, transactions, tickets, product events, inventory) and the aggregates are
 * joined on the table's key afterwards; nothing is joined row by row before aggregating.
 *
 * <p>Each method returns one map per row, column name to value, ordered by key (the order carries no
 * meaning); compare with {@link RowComparison} by {@link #CUSTOMER_SUMMARY_KEY} and so on. Java types:
 * {@code String}; {@code Long} for counts and integer sums; {@code Double} for averages and ratios;
 * {@code BigDecimal} with scale 2 for money sums; {@code Boolean}; {@code LocalDateTime} (UTC);
 * {@code LocalDate}.
 *
 * <h2>Agreed interpretations</h2>
 * <ul>
 *   <li>NULL inputs are skipped as SQL aggregates skip them: a NULL amount is in no money sum or average, a
 *       NULL risk_score in no risk average and never high risk, a NULL satisfaction_score in no satisfaction
 *       average, a NULL quantity in no inventory sum or average. Counts of rows (transactions, successful
 *       transactions, tickets, ...) count every row whatever its NULLs.</li>
 *   <li>A transaction is successful when its status is {@code completed}, failed when {@code failed},
 *       high risk (a fraud flag) when risk_score &gt;= 80.</li>
 *   <li>Averages are computed once from an exact sum and a count (long sums of whole numbers, BigDecimal sums
 *       of decimals and of risk scores, each double converted exactly), so that any summation order on the
 *       streaming side agrees within {@link RowComparison#RELATIVE_TOLERANCE}.</li>
 *   <li>NULL against 0 is decided per table: customer_summary follows the spec's "counts and sums with no
 *       input are 0; averages with no input are NULL", daily_metrics and product_summary its "missing parts
 *       are 0 / false", so their averages are 0.0 and never NULL. Each method lists its columns.</li>
 * </ul>
 */
public final class GoldOracle {
    public static final List<String> CUSTOMER_SUMMARY_KEY = List.of("customer_id");
    public static final List<String> DAILY_METRICS_KEY = List.of("metric_date");
    public static final List<String> PRODUCT_SUMMARY_KEY = List.of("product_id");

    static final OracleRow.Layout CUSTOMER_SUMMARY_LAYOUT = OracleRow.Layout.of(List.of("customer_id",
            "total_sessions", "avg_session_duration_seconds", "total_events", "conversion_rate",
            "total_transactions", "total_revenue", "avg_transaction_amount", "total_support_tickets",
            "avg_satisfaction_score", "last_activity_at", "customer_segment"));

    static final OracleRow.Layout DAILY_METRICS_LAYOUT = OracleRow.Layout.of(List.of("metric_date",
            "total_sessions", "unique_customers", "avg_session_duration_seconds", "total_transactions",
            "successful_transactions", "daily_revenue", "avg_order_value", "avg_risk_score", "fraud_flag_count",
            "total_tickets", "avg_response_time_hours", "avg_resolution_time_hours"));

    static final OracleRow.Layout PRODUCT_SUMMARY_LAYOUT = OracleRow.Layout.of(List.of("product_id",
            "total_events", "product_views", "cart_adds", "unique_customers", "total_sessions",
            "avg_quantity_on_hand", "avg_reorder_point", "current_stock_level", "needs_reorder"));

    static final String VIP = "VIP";
    static final String AT_RISK = "At-Risk";
    static final String REGULAR = "Regular";
    static final BigDecimal VIP_MIN_REVENUE = new BigDecimal("5000.00");
    static final long VIP_MIN_SUCCESSFUL_TRANSACTIONS = 3;

    private static final BigDecimal ZERO_MONEY = BigDecimal.ZERO.setScale(2);

    private final SeedData data;
    private final SilverOracle silver;

    /** @param silver the silver oracle over the same {@code data} */
    public GoldOracle(SeedData data, SilverOracle silver) {
        if (silver.data() != data) {
            throw new IllegalArgumentException("the silver oracle must be over the same seed data");
        }
        this.data = data;
        this.silver = silver;
    }

    /** Reads a seeds folder with {@link SeedData#read(Path)}. */
    public static GoldOracle over(Path seedsDir) throws IOException {
        SeedData data = SeedData.read(seedsDir);
        return new GoldOracle(data, new SilverOracle(data));
    }

    // ------------------------------------------------------------------------------------ customer_summary

    /**
     * gold.customer_summary, key customer_id: one row per customer seen in any source (customer events,
     * payment transactions, support tickets).
     *
     * <p>Sessions are those of {@link SilverOracle#customerSessions()} (default gap of 30 minutes). Columns:
     * <ul>
     *   <li>customer_id (String);</li>
     *   <li>total_sessions (Long); avg_session_duration_seconds (Double, NULL without a session);
     *       total_events (Long, sum of the sessions' total_events); conversion_rate (Double, converted
     *       sessions / sessions, <b>0.0</b> without a session as the spec says);</li>
     *   <li>total_transactions (Long, any status); total_revenue (BigDecimal scale 2, sum of the non-null
     *       amounts of completed transactions, 0.00 when none); avg_transaction_amount (Double, average of
     *       those amounts, NULL when none);</li>
     *   <li>total_support_tickets (Long); avg_satisfaction_score (Double, over non-null scores, NULL when
     *       none);</li>
     *   <li>last_activity_at (LocalDateTime): the latest of the customer's event times, transaction times
     *       (any status) and ticket created times (not response or resolution times);</li>
     *   <li>customer_segment (String), checked in this order:
     *       "VIP" when total_revenue &gt;= 5000.00 and at least 3 completed transactions (counted as
     *       successful_transactions are, whatever their amount);
     *       "At-Risk" when avg_satisfaction_score is non-null and &lt;= 2, or the customer has transactions
     *       and failed / total_transactions &gt; 0.3 (exactly 0.3 is not);
     *       else "Regular". Both comparisons are made exactly, in integers.</li>
     * </ul>
     */
    public List<Map<String, Object>> customerSummary() {
        Map<String, SessionFigures> sessions = new TreeMap<>();
        for (Map<String, Object> session : silver.customerSessions()) {
            figuresOf(sessions, (String) session.get("customer_id"), SessionFigures::new).add(session);
        }
        Map<String, PaymentFigures> payments = new TreeMap<>();
        for (PaymentTransaction tx : data.paymentTransactions()) {
            figuresOf(payments, tx.customerId(), PaymentFigures::new).add(tx);
        }
        Map<String, TicketFigures> tickets = new TreeMap<>();
        for (SupportTicket ticket : data.supportTickets()) {
            figuresOf(tickets, ticket.customerId(), TicketFigures::new).add(ticket);
        }

        Set<String> customers = new TreeSet<>(sessions.keySet());
        customers.addAll(payments.keySet());
        customers.addAll(tickets.keySet());
        List<Map<String, Object>> rows = new ArrayList<>(customers.size());
        for (String customer : customers) {
            rows.add(customerRow(customer,
                    sessions.getOrDefault(customer, new SessionFigures()),
                    payments.getOrDefault(customer, new PaymentFigures()),
                    tickets.getOrDefault(customer, new TicketFigures())));
        }
        return rows;
    }

    private static OracleRow customerRow(String customerId, SessionFigures s, PaymentFigures p, TicketFigures t) {
        return CUSTOMER_SUMMARY_LAYOUT.row()
                .put("customer_id", customerId)
                .put("total_sessions", s.sessions)
                .put("avg_session_duration_seconds", average(s.durationSecondsSum, s.sessions))
                .put("total_events", s.events)
                .put("conversion_rate", orZero(average(s.converted, s.sessions)))
                .put("total_transactions", p.total)
                .put("total_revenue", p.successfulAmountSum)
                .put("avg_transaction_amount", average(p.successfulAmountSum, p.successfulAmountCount))
                .put("total_support_tickets", t.tickets)
                .put("avg_satisfaction_score", average(t.satisfactionSum, t.satisfactionCount))
                .put("last_activity_at", latest(latest(s.lastEventAt, p.lastTransactionAt), t.lastCreatedAt))
                .put("customer_segment", segment(p, t))
                .build();
    }

    static String segment(PaymentFigures p, TicketFigures t) {
        if (p.successfulAmountSum.compareTo(VIP_MIN_REVENUE) >= 0
                && p.successful >= VIP_MIN_SUCCESSFUL_TRANSACTIONS) {
            return VIP;
        }
        // avg <= 2 as sum <= 2 × count; failed / total > 0.3 as failed × 10 > total × 3
        boolean unsatisfied = t.satisfactionCount > 0 && t.satisfactionSum <= 2 * t.satisfactionCount;
        boolean failing = p.total > 0 && p.failed * 10 > p.total * 3;
        return unsatisfied || failing ? AT_RISK : REGULAR;
    }

    // --------------------------------------------------------------------------------------- daily_metrics

    /**
     * gold.daily_metrics, key metric_date: one row per date (UTC) with a session start, a transaction or a
     * ticket creation. Sessions count on the date of their session_start, transactions on that of their
     * transaction_timestamp, tickets on that of their created_timestamp. Missing parts are 0: no average of
     * this table is ever NULL. Columns:
     * <ul>
     *   <li>metric_date (LocalDate);</li>
     *   <li>total_sessions (Long); unique_customers (Long, distinct customers with a session starting that
     *       day); avg_session_duration_seconds (Double, 0.0 without a session);</li>
     *   <li>total_transactions (Long, any status); successful_transactions (Long, completed); daily_revenue
     *       (BigDecimal scale 2, sum of non-null completed amounts, 0.00 when none); avg_order_value
     *       (<b>Double</b>, as every average of the spec: daily_revenue / successful_transactions, 0.0 when
     *       there is no successful transaction; the divisor counts completed transactions whatever their
     *       amount, literally as the spec writes it);</li>
     *   <li>avg_risk_score (Double, over the day's transactions with a non-null risk_score, 0.0 when none);
     *       fraud_flag_count (Long, transactions with risk_score &gt;= 80);</li>
     *   <li>total_tickets (Long); avg_response_time_hours (Double, average of first_response_time_minutes /
     *       60.0 over the day's tickets with a first response, the minutes whole and truncated as in
     *       silver.support_metrics; 0.0 when none); avg_resolution_time_hours (Double, average of
     *       resolution_time_hours, whole hours truncated, over the day's tickets with a resolution_timestamp;
     *       0.0 when none).</li>
     * </ul>
     */
    public List<Map<String, Object>> dailyMetrics() {
        Map<LocalDate, SessionFigures> sessions = new TreeMap<>();
        for (Map<String, Object> session : silver.customerSessions()) {
            LocalDate date = ((LocalDateTime) session.get("session_start")).toLocalDate();
            figuresOf(sessions, date, SessionFigures::new).add(session);
        }
        Map<LocalDate, PaymentFigures> payments = new TreeMap<>();
        for (PaymentTransaction tx : data.paymentTransactions()) {
            figuresOf(payments, tx.transactionTimestamp().toLocalDate(), PaymentFigures::new).add(tx);
        }
        Map<LocalDate, TicketFigures> tickets = new TreeMap<>();
        for (SupportTicket ticket : data.supportTickets()) {
            figuresOf(tickets, ticket.createdTimestamp().toLocalDate(), TicketFigures::new).add(ticket);
        }

        Set<LocalDate> dates = new TreeSet<>(sessions.keySet());
        dates.addAll(payments.keySet());
        dates.addAll(tickets.keySet());
        List<Map<String, Object>> rows = new ArrayList<>(dates.size());
        for (LocalDate date : dates) {
            rows.add(dailyRow(date,
                    sessions.getOrDefault(date, new SessionFigures()),
                    payments.getOrDefault(date, new PaymentFigures()),
                    tickets.getOrDefault(date, new TicketFigures())));
        }
        return rows;
    }

    private static OracleRow dailyRow(LocalDate date, SessionFigures s, PaymentFigures p, TicketFigures t) {
        return DAILY_METRICS_LAYOUT.row()
                .put("metric_date", date)
                .put("total_sessions", s.sessions)
                .put("unique_customers", (long) s.customers.size())
                .put("avg_session_duration_seconds", orZero(average(s.durationSecondsSum, s.sessions)))
                .put("total_transactions", p.total)
                .put("successful_transactions", p.successful)
                .put("daily_revenue", p.successfulAmountSum)
                .put("avg_order_value", orZero(average(p.successfulAmountSum, p.successful)))
                .put("avg_risk_score", orZero(average(p.riskScoreSum, p.riskScoreCount)))
                .put("fraud_flag_count", p.highRisk)
                .put("total_tickets", t.tickets)
                // the average of minutes / 60.0 is the sum of minutes over 60 × count, divided once
                .put("avg_response_time_hours", orZero(average(t.responseMinutesSum, 60 * t.responseCount)))
                .put("avg_resolution_time_hours", orZero(average(t.resolutionHoursSum, t.resolutionCount)))
                .build();
    }

    // ------------------------------------------------------------------------------------- product_summary

    /**
     * gold.product_summary, key product_id: one row per product seen in a customer event (with a non-null
     * product_id) or in an inventory snapshot. Missing parts are 0 / false: no column is ever NULL. Columns:
     * <ul>
     *   <li>product_id (String);</li>
     *   <li>from the customer events with this product_id: total_events, product_views (event_type
     *       product_view), cart_adds (add_to_cart), unique_customers (distinct customer_id), total_sessions
     *       (distinct raw session_id, not silver sessions) (Long, 0 without events);</li>
     *   <li>from the product's rows of {@link SilverOracle#inventoryHealth()} (the latest snapshot per
     *       warehouse), over all warehouses: avg_quantity_on_hand and avg_reorder_point (Double, over the
     *       warehouses where the value is non-null; 0.0 when there is none), current_stock_level (Long, sum of
     *       non-null quantity_available; 0), needs_reorder (Boolean, true when any warehouse's needs_reorder is
     *       true; false).</li>
     * </ul>
     */
    public List<Map<String, Object>> productSummary() {
        Map<String, ProductEventFigures> events = new TreeMap<>();
        for (CustomerEvent event : data.customerEvents()) {
            if (event.productId() != null) {
                figuresOf(events, event.productId(), ProductEventFigures::new).add(event);
            }
        }
        Map<String, InventoryFigures> inventory = new TreeMap<>();
        for (Map<String, Object> health : silver.inventoryHealth()) {
            figuresOf(inventory, (String) health.get("product_id"), InventoryFigures::new).add(health);
        }

        Set<String> products = new TreeSet<>(events.keySet());
        products.addAll(inventory.keySet());
        List<Map<String, Object>> rows = new ArrayList<>(products.size());
        for (String product : products) {
            rows.add(productRow(product,
                    events.getOrDefault(product, new ProductEventFigures()),
                    inventory.getOrDefault(product, new InventoryFigures())));
        }
        return rows;
    }

    private static OracleRow productRow(String productId, ProductEventFigures e, InventoryFigures i) {
        return PRODUCT_SUMMARY_LAYOUT.row()
                .put("product_id", productId)
                .put("total_events", e.events)
                .put("product_views", e.productViews)
                .put("cart_adds", e.cartAdds)
                .put("unique_customers", (long) e.customers.size())
                .put("total_sessions", (long) e.sessionIds.size())
                .put("avg_quantity_on_hand", orZero(average(i.onHandSum, i.onHandCount)))
                .put("avg_reorder_point", orZero(average(i.reorderPointSum, i.reorderPointCount)))
                .put("current_stock_level", i.availableSum)
                .put("needs_reorder", i.needsReorder)
                .build();
    }

    // ---------------------------------------------------------------------------- per-source aggregates

    /** Silver sessions of one customer or one day. */
    static final class SessionFigures {
        long sessions;
        long durationSecondsSum;
        long events;
        long converted;
        final Set<String> customers = new HashSet<>();
        LocalDateTime lastEventAt;

        void add(Map<String, Object> session) {
            sessions++;
            durationSecondsSum += (Long) session.get("session_duration_seconds");
            events += (Long) session.get("total_events");
            converted += Boolean.TRUE.equals(session.get("converted")) ? 1 : 0;
            customers.add((String) session.get("customer_id"));
            lastEventAt = latest(lastEventAt, (LocalDateTime) session.get("session_end"));
        }
    }

    /** Transactions of one customer or one day. */
    static final class PaymentFigures {
        long total;
        long successful;
        long failed;
        long highRisk;
        BigDecimal successfulAmountSum = ZERO_MONEY;
        long successfulAmountCount;
        BigDecimal riskScoreSum = BigDecimal.ZERO;
        long riskScoreCount;
        LocalDateTime lastTransactionAt;

        void add(PaymentTransaction tx) {
            total++;
            boolean completed = "completed".equals(tx.paymentStatus());
            successful += completed ? 1 : 0;
            failed += "failed".equals(tx.paymentStatus()) ? 1 : 0;
            if (completed && tx.amount() != null) {
                successfulAmountSum = successfulAmountSum.add(tx.amount());
                successfulAmountCount++;
            }
            if (tx.riskScore() != null) {
                // new BigDecimal(double) is the double's exact value: the sum does not depend on the order
                riskScoreSum = riskScoreSum.add(new BigDecimal(tx.riskScore()));
                riskScoreCount++;
                highRisk += tx.riskScore() >= PaymentOracle.HIGH_RISK_SCORE ? 1 : 0;
            }
            lastTransactionAt = latest(lastTransactionAt, tx.transactionTimestamp());
        }
    }

    /** Support tickets of one customer or one day (of creation). */
    static final class TicketFigures {
        long tickets;
        long satisfactionSum;
        long satisfactionCount;
        long responseMinutesSum;
        long responseCount;
        long resolutionHoursSum;
        long resolutionCount;
        LocalDateTime lastCreatedAt;

        void add(SupportTicket t) {
            tickets++;
            if (t.satisfactionScore() != null) {
                satisfactionSum += t.satisfactionScore();
                satisfactionCount++;
            }
            if (t.firstResponseTimestamp() != null) {
                // whole minutes, truncated: silver.support_metrics' first_response_time_minutes
                responseMinutesSum += Duration.between(t.createdTimestamp(), t.firstResponseTimestamp()).toMinutes();
                responseCount++;
            }
            if (t.resolutionTimestamp() != null) {
                // whole hours, truncated: silver.support_metrics' resolution_time_hours
                resolutionHoursSum += Duration.between(t.createdTimestamp(), t.resolutionTimestamp()).toHours();
                resolutionCount++;
            }
            lastCreatedAt = latest(lastCreatedAt, t.createdTimestamp());
        }
    }

    /** Customer events of one product. */
    private static final class ProductEventFigures {
        long events;
        long productViews;
        long cartAdds;
        final Set<String> customers = new HashSet<>();
        final Set<String> sessionIds = new HashSet<>();

        void add(CustomerEvent event) {
            events++;
            productViews += "product_view".equals(event.eventType()) ? 1 : 0;
            cartAdds += "add_to_cart".equals(event.eventType()) ? 1 : 0;
            customers.add(event.customerId());
            sessionIds.add(event.sessionId());
        }
    }

    /** The silver inventory_health rows (one per warehouse) of one product. */
    private static final class InventoryFigures {
        long onHandSum;
        long onHandCount;
        long reorderPointSum;
        long reorderPointCount;
        long availableSum;
        boolean needsReorder;

        void add(Map<String, Object> health) {
            Integer onHand = (Integer) health.get("quantity_on_hand");
            if (onHand != null) {
                onHandSum += onHand;
                onHandCount++;
            }
            Integer reorderPoint = (Integer) health.get("reorder_point");
            if (reorderPoint != null) {
                reorderPointSum += reorderPoint;
                reorderPointCount++;
            }
            Integer available = (Integer) health.get("quantity_available");
            if (available != null) {
                availableSum += available;
            }
            needsReorder |= Boolean.TRUE.equals(health.get("needs_reorder"));
        }
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static <K, F> F figuresOf(Map<K, F> byKey, K key, Supplier<F> newFigures) {
        return byKey.computeIfAbsent(key, k -> newFigures.get());
    }

    /** sum / count as a double, rounded once; NULL when count is 0. */
    private static Double average(long sum, long count) {
        return count == 0 ? null : (double) sum / count;
    }

    /** The exact decimal sum divided once: the double closest to the true average; NULL when count is 0. */
    private static Double average(BigDecimal sum, long count) {
        return count == 0 ? null : sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL128).doubleValue();
    }

    private static double orZero(Double value) {
        return value == null ? 0.0 : value;
    }

    private static LocalDateTime latest(LocalDateTime a, LocalDateTime b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
