package dev.lakehouse.oracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small seed folders for the oracle's tests: the four contract headers, and the rows given as CSV
 * lines. The row helpers fill the columns a test does not care about with contract-valid values.
 */
final class TestSeeds {
    private final Path dir;
    private final List<String> events = new ArrayList<>();
    private final List<String> payments = new ArrayList<>();
    private final List<String> snapshots = new ArrayList<>();
    private final List<String> tickets = new ArrayList<>();

    private TestSeeds(Path dir) {
        this.dir = dir;
    }

    static TestSeeds in(Path dir) {
        return new TestSeeds(dir);
    }

    TestSeeds eventLine(String csvLine) {
        events.add(csvLine);
        return this;
    }

    TestSeeds paymentLine(String csvLine) {
        payments.add(csvLine);
        return this;
    }

    TestSeeds snapshotLine(String csvLine) {
        snapshots.add(csvLine);
        return this;
    }

    TestSeeds ticketLine(String csvLine) {
        tickets.add(csvLine);
        return this;
    }

    /** An event with product_id only when given (category follows it), device desktop, referrer google. */
    TestSeeds event(String eventId, String customerId, String sessionId, String eventType, String timestamp,
            String productId) {
        return event(eventId, customerId, sessionId, eventType, timestamp, productId, "desktop", "google");
    }

    TestSeeds event(String eventId, String customerId, String sessionId, String eventType, String timestamp,
            String productId, String device, String referrer) {
        String category = productId.isEmpty() ? "" : "CAT001";
        return eventLine(String.join(",", eventId, customerId, sessionId, eventType, timestamp,
                "https://shop.example.com/x", productId, category, referrer, device,
                "\"Mozilla/5.0 (X11, Linux)\"", "10.0.0.1"));
    }

    /** A payment in USD with a 3 % fee and the given risk score. */
    TestSeeds payment(String transactionId, String customerId, String method, String status, String amount,
            String timestamp, String riskScore) {
        return paymentLine(String.join(",", transactionId, "ORD000000001", customerId, method, status, amount,
                "USD", timestamp, "00", "1.00", "MERCH0001", "US", riskScore));
    }

    TestSeeds snapshot(String snapshotId, String productId, String warehouseId, String date, int onHand,
            int reserved, int reorderPoint, int reorderQuantity, String unitCost) {
        return snapshotLine(String.join(",", snapshotId, productId, warehouseId, date, String.valueOf(onHand),
                String.valueOf(reserved), String.valueOf(onHand - reserved), String.valueOf(reorderPoint),
                String.valueOf(reorderQuantity), "SUP0001", "2024-01-01", unitCost));
    }

    TestSeeds ticket(String ticketId, String priority, String status, String created, String firstResponse,
            String resolution, String agentId, String satisfaction) {
        return ticketLine(String.join(",", ticketId, "CUST000001", "", "order_issue", priority, status, created,
                firstResponse, resolution, agentId, satisfaction, "Help", "email"));
    }

    /** A ticket of the given customer, priority medium, by email. */
    TestSeeds customerTicket(String ticketId, String customerId, String status, String created,
            String firstResponse, String resolution, String satisfaction) {
        String agent = firstResponse.isEmpty() ? "" : "AGENT001";
        return ticketLine(String.join(",", ticketId, customerId, "", "order_issue", "medium", status, created,
                firstResponse, resolution, agent, satisfaction, "Help", "email"));
    }

    /** Writes the four files and reads them back with the oracle's reader. */
    SeedData write() {
        try {
            writeFile(SeedData.CUSTOMER_EVENTS_FILE, SeedData.CUSTOMER_EVENT_COLUMNS, events);
            writeFile(SeedData.PAYMENT_TRANSACTIONS_FILE, SeedData.PAYMENT_TRANSACTION_COLUMNS, payments);
            writeFile(SeedData.INVENTORY_SNAPSHOTS_FILE, SeedData.INVENTORY_SNAPSHOT_COLUMNS, snapshots);
            writeFile(SeedData.SUPPORT_TICKETS_FILE, SeedData.SUPPORT_TICKET_COLUMNS, tickets);
            return SeedData.read(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SilverOracle oracle() {
        return new SilverOracle(write());
    }

    GoldOracle goldOracle() {
        SeedData data = write();
        return new GoldOracle(data, new SilverOracle(data));
    }

    private void writeFile(String name, List<String> header, List<String> lines) throws IOException {
        List<String> all = new ArrayList<>();
        all.add(String.join(",", header));
        all.addAll(lines);
        Files.write(dir.resolve(name), all, StandardCharsets.UTF_8);
    }
}
