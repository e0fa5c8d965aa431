package dev.lakehouse.oracle;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * Independent batch recomputation of the silver tables of {@code semantics.md} over the seed CSV files: the
 * answer every silver table must converge to once the streaming pipeline has processed the same files and
 * its watermark has passed the last event.
 *
 * <p>Plain batch code (sort, group, loop) that shares nothing with the streaming implementation, not even
 * the contract module's parser (see {@link SeedData}). Each method returns one map per row, column name to
 * value, in no particular row order; compare with {@link RowComparison} by the table's key
 * ({@link #CUSTOMER_SESSIONS_KEY} and so on).
 *
 * <p>Java types of values: {@code String}; {@code Long} for counts, durations in whole units and other
 * computed integers; {@code Integer} for the contract's int columns and for hour / day of week;
 * {@code Double} for averages, ratios, risk_score; {@code BigDecimal} with scale 2 for money;
 * {@code Boolean}; {@code LocalDateTime} (UTC) for timestamps; {@code LocalDate} for dates. Any value may be
 * NULL where an input it depends on is NULL.
 *
 * <h2>Agreed interpretations</h2>
 * Where the spec leaves room, the project agreed on the following; each method's javadoc lists its own.
 * Rows rejected by the contract and repeated primary keys (all but the first occurrence in file order) are
 * not part of the input (see {@link SeedData}). The streaming side is assumed to drop no event as too late.
 */
public final class SilverOracle {
    public static final Duration DEFAULT_SESSION_GAP = Duration.ofMinutes(30);

    public static final List<String> CUSTOMER_SESSIONS_KEY = List.of("customer_id", "session_id", "session_start");
    public static final List<String> PAYMENT_ANALYSIS_KEY = List.of("transaction_id");
    public static final List<String> CUSTOMER_PAYMENT_PROFILE_KEY = List.of("customer_id");
    public static final List<String> INVENTORY_HEALTH_KEY = List.of("product_id", "warehouse_id");
    public static final List<String> SUPPORT_METRICS_KEY = List.of("ticket_id");
    public static final List<String> SLA_BREACHES_KEY = List.of("ticket_id", "breach_type");
    public static final List<String> AGENT_PERFORMANCE_KEY = List.of("agent_id");

    private final SeedData data;

    public SilverOracle(SeedData data) {
        this.data = data;
    }

    /** Reads a seeds folder with {@link SeedData#read(Path)}. */
    public static SilverOracle over(Path seedsDir) throws IOException {
        return new SilverOracle(SeedData.read(seedsDir));
    }

    public SeedData data() {
        return data;
    }

    /**
     * silver.customer_sessions, key (customer_id, session_id, session_start).
     *
     * <p>The events of one (customer_id, session_id) pair, ordered by event_timestamp (ties by event_id),
     * form one session until the time to the previous event is <b>more</b> than {@code gap}; an event
     * exactly {@code gap} after the previous one continues the session.
     *
     * <p>Columns: customer_id, session_id (String); session_start, session_end (LocalDateTime: first and last
     * event time); session_duration_seconds (Long, between them); session_length_category (String:
     * very_short &lt; 30 s, short &lt; 300 s, medium &lt; 1800 s, else long); total_events (Long);
     * unique_event_types (Long, distinct non-null event_type); page_views, product_views, cart_adds, purchases
     * (Long, events of type page_view, product_view, add_to_cart, purchase); unique_products_viewed (Long,
     * distinct non-null product_id over all the session's events); converted (Boolean, purchases &gt; 0);
     * abandoned_cart (Boolean, cart_adds &gt; 0 and purchases = 0); bounce_session (Boolean, one event);
     * device_type, referrer_source (String, of the first event in session order).
     */
    public List<Map<String, Object>> customerSessions(Duration gap) {
        return SessionOracle.sessions(data.customerEvents(), gap);
    }

    /** {@link #customerSessions(Duration)} with the default gap of 30 minutes. */
    public List<Map<String, Object>> customerSessions() {
        return customerSessions(DEFAULT_SESSION_GAP);
    }

    /**
     * silver.payment_analysis, key transaction_id: one row per transaction.
     *
     * <p>Columns: the contract columns transaction_id, order_id, customer_id, payment_method, payment_status
     * (String), amount (BigDecimal), currency (String), transaction_timestamp (LocalDateTime),
     * processor_response_code (String), gateway_fee (BigDecimal), merchant_id, billing_country (String),
     * risk_score (Double); then
     * <ul>
     *   <li>transaction_date (LocalDate), transaction_hour (Integer 0–23), transaction_day_of_week (Integer,
     *       ISO: 1 = Monday … 7 = Sunday);</li>
     *   <li>is_successful / is_failed / is_refunded (Boolean: payment_status completed / failed / refunded);
     *       is_high_risk (Boolean: risk_score &gt;= 80, false when NULL);</li>
     *   <li>net_amount (BigDecimal: amount − gateway_fee, NULL if either is);</li>
     *   <li>payment_method_risk_category (String: low_risk for credit_card, debit_card; medium_risk for
     *       paypal, apple_pay, google_pay; high_risk for anything else, NULL included);</li>
     *   <li>customer_total_transactions, customer_successful_transactions, customer_failed_transactions
     *       (Long), customer_avg_transaction_amount (Double, over non-null amounts, NULL when none),
     *       customer_max_transaction_amount (BigDecimal): the customer's figures as of this transaction, i.e.
     *       over the customer's transactions in event-time order (ties by transaction_id) up to and
     *       including this one;</li>
     *   <li>is_high_failure_rate_customer (Boolean: customer_failed / customer_total &gt; 0.3 as of this
     *       transaction);</li>
     *   <li>is_unusual_large_transaction (Boolean: amount &gt; 3 × the average non-null amount of the
     *       customer's <b>earlier</b> transactions in that order; false when there is none or amount is
     *       NULL);</li>
     *   <li>is_velocity_burst (Boolean: at least 5 transactions of the customer with a time in
     *       [t − 1 h, t], both ends included, counting this one and any others at exactly t).</li>
     * </ul>
     */
    public List<Map<String, Object>> paymentAnalysis() {
        return PaymentOracle.analysis(data.paymentTransactions());
    }

    /**
     * silver.customer_payment_profile, key customer_id: one row per customer with a transaction.
     *
     * <p>Columns: customer_id (String); total_transactions, successful_transactions (status completed),
     * failed_transactions (status failed), high_risk_transactions (risk_score &gt;= 80) (Long); avg_amount
     * (Double, over non-null amounts, NULL when none); max_amount (BigDecimal); total_successful_amount
     * (BigDecimal, sum of the amounts of completed transactions, 0.00 when none); distinct_payment_methods
     * (Long, distinct non-null payment_method).
     */
    public List<Map<String, Object>> customerPaymentProfile() {
        return PaymentOracle.profiles(data.paymentTransactions());
    }

    /**
     * silver.inventory_health, key (product_id, warehouse_id): the latest snapshot of each pair (greatest
     * snapshot_date, on a tie the greater snapshot_id in string order; a NULL warehouse_id is a warehouse of
     * its own).
     *
     * <p>Columns: the contract columns snapshot_id, product_id, warehouse_id (String), snapshot_date
     * (LocalDate), quantity_on_hand, quantity_reserved, quantity_available, reorder_point, reorder_quantity
     * (Integer), supplier_id (String), last_received_date (LocalDate), unit_cost (BigDecimal); then
     * <ul>
     *   <li>stock_status (String, the spec's words: "out of stock" when available &lt;= 0, "low stock" when
     *       available &lt;= reorder_point, "medium stock" when available &lt;= 2 × reorder_point, else
     *       "high stock");</li>
     *   <li>estimated_days_of_inventory (Double: available / max(1, reorder_point) × 30 when available &gt; 0,
     *       else NULL);</li>
     *   <li>needs_reorder (Boolean: available &lt;= reorder_point);</li>
     *   <li>estimated_annual_turns (Double: reorder_quantity / on_hand × 12 when on_hand &gt; 0, else 0.0);</li>
     *   <li>inventory_value, available_inventory_value (BigDecimal scale 2: on_hand × unit_cost,
     *       available × unit_cost);</li>
     *   <li>inventory_risk_level (String: critical when out of stock, high when low stock and days &lt; 7,
     *       medium when low stock, else low).</li>
     * </ul>
     * NULL quantities follow SQL logic (NULL arithmetic is NULL, a comparison with NULL is not true).
     */
    public List<Map<String, Object>> inventoryHealth() {
        return InventoryOracle.health(data.inventorySnapshots());
    }

    /**
     * silver.support_metrics, key ticket_id: one row per ticket, as it stands once the watermark has reached
     * {@code finalWatermark}.
     *
     * <p>SLA limits by priority (an unknown or NULL priority counts as low): response urgent 15 min, high
     * 60 min, medium 4 h, low 24 h; resolution urgent 4 h, high 24 h, medium 72 h, low 168 h.
     *
     * <p>Columns: the contract columns ticket_id, customer_id, order_id, ticket_type, priority, status
     * (String), created_timestamp, first_response_timestamp, resolution_timestamp (LocalDateTime), agent_id
     * (String), satisfaction_score (Integer), subject, channel (String); then
     * <ul>
     *   <li>first_response_time_minutes (Long: whole minutes from created to first response, truncated;
     *       NULL without a response); resolution_time_hours (Long: whole hours to resolution, truncated;
     *       NULL without one);</li>
     *   <li>meets_response_sla, meets_resolution_sla (Boolean: the response / resolution exists and the
     *       exact elapsed time is &lt;= the limit, so exactly at the limit meets it);</li>
     *   <li>is_satisfied_customer (score &gt;= 4), is_unsatisfied_customer (score &lt;= 2) (Boolean, false when
     *       NULL);</li>
     *   <li>channel_type (String: Real-time for chat and phone, Asynchronous for email, Public for
     *       social_media, else Other);</li>
     *   <li>ticket_urgency_status (String: for status open or in_progress, "Overdue Critical|High|Medium|Low"
     *       (by priority urgent|high|medium|low) when finalWatermark − created exceeds the resolution limit,
     *       else "active"; for any other status "Resolved").</li>
     * </ul>
     */
    public List<Map<String, Object>> supportMetrics(LocalDateTime finalWatermark) {
        return SupportOracle.metrics(data.supportTickets(), finalWatermark);
    }

    /**
     * silver.sla_breaches, key (ticket_id, breach_type): the breaches detected by the time the watermark
     * reaches {@code finalWatermark}.
     *
     * <p>For each ticket and kind, deadline = created + the limit of its priority (see
     * {@link #supportMetrics}). A <i>response</i> breach when deadline &lt; finalWatermark (strictly passed)
     * and the ticket has no first_response_timestamp at or before the deadline; likewise a
     * <i>resolution</i> breach with resolution_timestamp.
     *
     * <p>Columns: ticket_id, customer_id, priority (String, as in the ticket), breach_type (String: response
     * or resolution), deadline (LocalDateTime). The table's detected_at depends on processing and is left
     * out.
     */
    public List<Map<String, Object>> slaBreaches(LocalDateTime finalWatermark) {
        return SupportOracle.breaches(data.supportTickets(), finalWatermark);
    }

    /**
     * silver.agent_performance, key agent_id: one row per non-null agent_id over the tickets assigned to it.
     *
     * <p>Columns: agent_id (String); tickets_handled (Long); avg_first_response_minutes (Double, average of
     * first_response_time_minutes (whole minutes) over tickets with a response, NULL when none);
     * avg_resolution_hours (Double, average of resolution_time_hours (whole hours) over resolved tickets,
     * NULL when none); tickets_meeting_resolution_sla (Long); avg_satisfaction (Double, over non-null scores,
     * NULL when none); satisfied_count (score &gt;= 4), unsatisfied_count (score &lt;= 2) (Long).
     */
    public List<Map<String, Object>> agentPerformance() {
        return SupportOracle.agents(data.supportTickets());
    }
}
