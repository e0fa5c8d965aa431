package dev.lakehouse.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.contract.ParseResult;
import dev.lakehouse.contract.RowParser;
import dev.lakehouse.contract.Source;
import dev.lakehouse.contract.TypedRow;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generates one mid-sized data set and checks contract, order and coherence on it. */
class SeedGenerationTest {
    private static final SeedCounts COUNTS = new SeedCounts(30_000, 15_000, 6_000, 4_000);
    private static final long YEAR_START = LocalDateTime.of(2024, 1, 1, 0, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
    private static final long YEAR_END = LocalDateTime.of(2025, 1, 1, 0, 0).toInstant(ZoneOffset.UTC).toEpochMilli();

    @TempDir
    static Path dir;

    private static final Map<Source, List<TypedRow>> typed = new EnumMap<>(Source.class);

    @BeforeAll
    static void generate() throws IOException {
        SeedGeneration.generate(dir, COUNTS, 42, null);
        RowParser parser = new RowParser();
        for (Source source : Source.values()) {
            List<TypedRow> rows = new ArrayList<>();
            for (List<String> fields : SeedFiles.rows(dir, source)) {
                ParseResult result = parser.parseFields(source, fields);
                assertThat(result).as("%s row %s", source, fields).isInstanceOf(ParseResult.Accepted.class);
                rows.add(((ParseResult.Accepted) result).row());
            }
            typed.put(source, rows);
        }
    }

    private static List<TypedRow> rows(Source source) {
        return typed.get(source);
    }

    private static String text(TypedRow row, String column) {
        return (String) row.value(index(row.source(), column));
    }

    private static Object value(TypedRow row, String column) {
        return row.value(index(row.source(), column));
    }

    private static int index(Source source, String column) {
        return source.header().indexOf(column);
    }

    @Test
    void writesExactlyTheRequestedCountsUnderTheContractHeader() {
        for (Source source : Source.values()) {
            assertThat(SeedFiles.header(dir, source)).isEqualTo(source.header());
            assertThat(rows(source)).as(source.name()).hasSize((int) COUNTS.of(source));
        }
    }

    @Test
    void everyFileIsSortedByEventTimeThenPrimaryKeyAndInsideTheYear() {
        for (Source source : Source.values()) {
            List<TypedRow> rows = rows(source);
            assertThat(rows).isSortedAccordingTo(Comparator.comparingLong(TypedRow::eventTimeMillis)
                    .thenComparing(TypedRow::primaryKey));
            assertThat(rows).allSatisfy(row -> assertThat(row.eventTimeMillis()).isBetween(YEAR_START, YEAR_END - 1));
            assertThat(rows.stream().map(TypedRow::primaryKey).distinct().count()).isEqualTo(rows.size());
        }
    }

    @Test
    void writesContractFormats() throws IOException {
        String events = Files.readString(dir.resolve(Source.CUSTOMER_EVENTS.fileName()));
        assertThat(events).contains(",\"Mozilla/5.0 (").contains("(KHTML, like Gecko)");
        assertThat(rows(Source.PAYMENT_TRANSACTIONS)).allSatisfy(row -> {
            String status = text(row, "payment_status");
            String code = text(row, "processor_response_code");
            assertThat(code).isIn("00", "01", "05", "51", "54", "61", "65");
            if (status.equals("completed")) {
                assertThat(code).isEqualTo("00");
            }
            BigDecimal amount = (BigDecimal) value(row, "amount");
            assertThat(amount).isBetween(new BigDecimal("10.00"), new BigDecimal("2000.00"));
            BigDecimal fee = (BigDecimal) value(row, "gateway_fee");
            assertThat(fee.doubleValue()).isBetween(amount.doubleValue() * 0.02 - 0.005, amount.doubleValue() * 0.04 + 0.005);
            assertThat((Double) value(row, "risk_score")).isBetween(0.0, 100.0);
        });
        assertThat(rows(Source.CUSTOMER_EVENTS)).allSatisfy(row -> {
            boolean hasProduct = Set.of("product_view", "add_to_cart", "remove_from_cart").contains(text(row, "event_type"));
            assertThat(text(row, "product_id") != null).isEqualTo(hasProduct);
            assertThat(text(row, "category_id") != null).isEqualTo(hasProduct);
            assertThat(text(row, "customer_id")).matches("CUST\\d{6}");
        });
    }

    @Test
    void sessionsHaveSeveralEventsMinutesApartOnOneDeviceAndReferrer() {
        Map<String, List<TypedRow>> sessions = new HashMap<>();
        for (TypedRow row : rows(Source.CUSTOMER_EVENTS)) {
            sessions.computeIfAbsent(text(row, "customer_id") + "/" + text(row, "session_id"), k -> new ArrayList<>()).add(row);
        }
        assertThat((double) rows(Source.CUSTOMER_EVENTS).size() / sessions.size()).isGreaterThan(3.0);
        long gaps = 0;
        long shortGaps = 0;
        for (List<TypedRow> session : sessions.values()) {
            assertThat(session.stream().map(r -> text(r, "device_type") + text(r, "referrer_source")).distinct()).hasSize(1);
            for (int i = 1; i < session.size(); i++) {
                gaps++;
                if (session.get(i).eventTimeMillis() - session.get(i - 1).eventTimeMillis() <= 30 * 60_000L) {
                    shortGaps++;
                }
            }
        }
        assertThat((double) shortGaps / gaps).isGreaterThan(0.95);
    }

    @Test
    void purchasesFollowTheFunnel() {
        Map<String, Integer> types = new HashMap<>();
        rows(Source.CUSTOMER_EVENTS).forEach(row -> types.merge(text(row, "event_type"), 1, Integer::sum));
        assertThat(types.get("page_view")).isGreaterThan(types.get("product_view") / 2);
        assertThat(types.get("product_view")).isGreaterThan(types.get("add_to_cart"));
        assertThat(types.get("add_to_cart")).isGreaterThan(types.get("checkout_start"));
        assertThat(types.get("checkout_start")).isGreaterThan(types.get("purchase"));
        assertThat(types.get("purchase")).isPositive();
    }

    @Test
    void everyPaymentIsMadeByACustomerWhoPurchasedBefore() {
        TreeMap<String, Long> firstPurchase = new TreeMap<>();
        for (TypedRow row : rows(Source.CUSTOMER_EVENTS)) {
            if ("purchase".equals(text(row, "event_type"))) {
                firstPurchase.merge(text(row, "customer_id"), row.eventTimeMillis(), Math::min);
            }
        }
        assertThat(rows(Source.PAYMENT_TRANSACTIONS)).allSatisfy(payment -> {
            Long purchased = firstPurchase.get(text(payment, "customer_id"));
            assertThat(purchased).as("purchase of %s", text(payment, "customer_id")).isNotNull();
            assertThat(payment.eventTimeMillis()).isGreaterThanOrEqualTo(purchased);
        });
    }

    @Test
    void ticketsReferToRealOrdersOfTheSameCustomerOpenedAfterThePayment() {
        Map<String, TypedRow> lastPaymentOfOrder = new HashMap<>();
        rows(Source.PAYMENT_TRANSACTIONS).forEach(row -> lastPaymentOfOrder.put(text(row, "order_id"), row));
        long withoutOrder = 0;
        for (TypedRow ticket : rows(Source.SUPPORT_TICKETS)) {
            String orderId = text(ticket, "order_id");
            if (orderId == null) {
                withoutOrder++;
                continue;
            }
            TypedRow payment = lastPaymentOfOrder.get(orderId);
            assertThat(payment).as("payment of %s", orderId).isNotNull();
            assertThat(text(payment, "customer_id")).isEqualTo(text(ticket, "customer_id"));
            assertThat(ticket.eventTimeMillis()).isGreaterThanOrEqualTo(payment.eventTimeMillis());
        }
        assertThat((double) withoutOrder / rows(Source.SUPPORT_TICKETS).size()).isBetween(0.15, 0.25);
    }

    @Test
    void ticketTimestampsFollowTheirStatus() {
        assertThat(rows(Source.SUPPORT_TICKETS)).allSatisfy(ticket -> {
            String status = text(ticket, "status");
            boolean finished = status.equals("resolved") || status.equals("closed");
            assertThat(value(ticket, "first_response_timestamp") == null).isEqualTo(status.equals("open"));
            assertThat(value(ticket, "agent_id") == null).isEqualTo(status.equals("open"));
            assertThat(value(ticket, "resolution_timestamp") != null).isEqualTo(finished);
            if (!finished) {
                assertThat(value(ticket, "satisfaction_score")).isNull();
            }
        });
    }

    @Test
    void inventoryIsDailyPerProductAndWarehouseWithCoherentQuantities() {
        Set<String> productWarehouseDays = new HashSet<>();
        for (TypedRow row : rows(Source.INVENTORY_SNAPSHOTS)) {
            int onHand = (Integer) value(row, "quantity_on_hand");
            int reserved = (Integer) value(row, "quantity_reserved");
            assertThat(onHand).isBetween(0, 5000);
            assertThat(reserved).isBetween(0, Math.min(onHand, 500));
            assertThat((Integer) value(row, "quantity_available")).isEqualTo(onHand - reserved);
            assertThat(productWarehouseDays.add(text(row, "product_id") + text(row, "warehouse_id") + value(row, "snapshot_date")))
                    .as("one snapshot per product, warehouse and day").isTrue();
        }
        long pairs = rows(Source.INVENTORY_SNAPSHOTS).stream()
                .map(row -> text(row, "product_id") + text(row, "warehouse_id")).distinct().count();
        assertThat(pairs).isLessThanOrEqualTo(COUNTS.inventorySnapshots() / 366 + 1);
    }
}
