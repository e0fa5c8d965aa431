package dev.lakehouse.oracle;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The four seed CSV files of {@code data-contract.md}, read and typed by the oracle itself.
 *
 * <p>Deliberately independent of the project's {@code contract} module: the oracle is the second opinion
 * that the streaming pipeline is checked against, so it has its own copy of the column lists and its own
 * parsing. The rules are those of the contract:
 * <ul>
 *   <li>a header row that must equal the contract's column list (a leading byte-order mark is ignored);
 *       RFC 4180 quoting; empty lines are skipped; an empty field is NULL;</li>
 *   <li>timestamps {@code yyyy-MM-dd HH:mm:ss} (UTC), dates {@code yyyy-MM-dd}, both strictly;
 *       ints as {@link Integer#parseInt}; doubles finite and in plain decimal or exponent notation
 *       (no NaN, Infinity, hex or type suffix, no surrounding blanks); decimals decimal(10,2): at most two
 *       significant fraction digits and ten digits in all;</li>
 *   <li>a row is <b>rejected</b> (skipped and counted in {@link FileCounts#rejected()}) when it has the
 *       wrong number of fields, a field that does not parse, an empty required field (the primary key,
 *       customer_id / session_id / product_id and the event-time column), invalid UTF-8, or is longer
 *       than 64 KiB as a CSV line;</li>
 *   <li>a valid row whose primary key was already seen in a valid row is a <b>duplicate</b>: only the first
 *       occurrence in file order is kept (counted in {@link FileCounts#duplicates()}), as the pipeline
 *       deduplicates by primary key.</li>
 * </ul>
 */
public final class SeedData {
    public static final String CUSTOMER_EVENTS_FILE = "customer_events.csv";
    public static final String PAYMENT_TRANSACTIONS_FILE = "payment_transactions.csv";
    public static final String INVENTORY_SNAPSHOTS_FILE = "inventory_snapshots.csv";
    public static final String SUPPORT_TICKETS_FILE = "support_tickets.csv";

    static final List<String> CUSTOMER_EVENT_COLUMNS = List.of("event_id", "customer_id", "session_id",
            "event_type", "event_timestamp", "page_url", "product_id", "category_id", "referrer_source",
            "device_type", "user_agent", "ip_address");
    static final List<String> PAYMENT_TRANSACTION_COLUMNS = List.of("transaction_id", "order_id", "customer_id",
            "payment_method", "payment_status", "amount", "currency", "transaction_timestamp",
            "processor_response_code", "gateway_fee", "merchant_id", "billing_country", "risk_score");
    static final List<String> INVENTORY_SNAPSHOT_COLUMNS = List.of("snapshot_id", "product_id", "warehouse_id",
            "snapshot_date", "quantity_on_hand", "quantity_reserved", "quantity_available", "reorder_point",
            "reorder_quantity", "supplier_id", "last_received_date", "unit_cost");
    static final List<String> SUPPORT_TICKET_COLUMNS = List.of("ticket_id", "customer_id", "order_id",
            "ticket_type", "priority", "status", "created_timestamp", "first_response_timestamp",
            "resolution_timestamp", "agent_id", "satisfaction_score", "subject", "channel");

    private static final Pattern DOUBLE_SYNTAX =
            Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    /** The pipeline rejects records larger than this (as re-encoded CSV lines). */
    static final int MAX_LINE_BYTES = 64 * 1024;

    /** One row of customer_events.csv. */
    public record CustomerEvent(String eventId, String customerId, String sessionId, String eventType,
            LocalDateTime eventTimestamp, String pageUrl, String productId, String categoryId,
            String referrerSource, String deviceType, String userAgent, String ipAddress) {}

    /** One row of payment_transactions.csv. */
    public record PaymentTransaction(String transactionId, String orderId, String customerId,
            String paymentMethod, String paymentStatus, BigDecimal amount, String currency,
            LocalDateTime transactionTimestamp, String processorResponseCode, BigDecimal gatewayFee,
            String merchantId, String billingCountry, Double riskScore) {}

    /** One row of inventory_snapshots.csv. */
    public record InventorySnapshot(String snapshotId, String productId, String warehouseId,
            LocalDate snapshotDate, Integer quantityOnHand, Integer quantityReserved, Integer quantityAvailable,
            Integer reorderPoint, Integer reorderQuantity, String supplierId, LocalDate lastReceivedDate,
            BigDecimal unitCost) {}

    /** One row of support_tickets.csv. */
    public record SupportTicket(String ticketId, String customerId, String orderId, String ticketType,
            String priority, String status, LocalDateTime createdTimestamp, LocalDateTime firstResponseTimestamp,
            LocalDateTime resolutionTimestamp, String agentId, Integer satisfactionScore, String subject,
            String channel) {}

    /**
     * What became of a file's data rows: {@code kept + rejected + duplicates = dataRows}.
     *
     * @param dataRows   CSV records after the header
     * @param rejected   rows that break the contract
     * @param duplicates valid rows whose primary key an earlier valid row already had
     */
    public record FileCounts(long dataRows, long rejected, long duplicates) {
        public long kept() {
            return dataRows - rejected - duplicates;
        }
    }

    private final List<CustomerEvent> customerEvents;
    private final List<PaymentTransaction> paymentTransactions;
    private final List<InventorySnapshot> inventorySnapshots;
    private final List<SupportTicket> supportTickets;
    private final Map<String, FileCounts> counts;

    private SeedData(List<CustomerEvent> customerEvents, List<PaymentTransaction> paymentTransactions,
            List<InventorySnapshot> inventorySnapshots, List<SupportTicket> supportTickets,
            Map<String, FileCounts> counts) {
        this.customerEvents = customerEvents;
        this.paymentTransactions = paymentTransactions;
        this.inventorySnapshots = inventorySnapshots;
        this.supportTickets = supportTickets;
        this.counts = counts;
    }

    /** Reads the four files of a seeds folder; every file must exist and start with the contract header. */
    public static SeedData read(Path seedsDir) throws IOException {
        Map<String, FileCounts> counts = new HashMap<>();
        List<CustomerEvent> events = readFile(seedsDir.resolve(CUSTOMER_EVENTS_FILE), CUSTOMER_EVENT_COLUMNS,
                SeedData::customerEvent, CustomerEvent::eventId, counts);
        List<PaymentTransaction> payments = readFile(seedsDir.resolve(PAYMENT_TRANSACTIONS_FILE),
                PAYMENT_TRANSACTION_COLUMNS, SeedData::paymentTransaction, PaymentTransaction::transactionId, counts);
        List<InventorySnapshot> snapshots = readFile(seedsDir.resolve(INVENTORY_SNAPSHOTS_FILE),
                INVENTORY_SNAPSHOT_COLUMNS, SeedData::inventorySnapshot, InventorySnapshot::snapshotId, counts);
        List<SupportTicket> tickets = readFile(seedsDir.resolve(SUPPORT_TICKETS_FILE), SUPPORT_TICKET_COLUMNS,
                SeedData::supportTicket, SupportTicket::ticketId, counts);
        return new SeedData(events, payments, snapshots, tickets, Map.copyOf(counts));
    }

    public List<CustomerEvent> customerEvents() {
        return customerEvents;
    }

    public List<PaymentTransaction> paymentTransactions() {
        return paymentTransactions;
    }

    public List<InventorySnapshot> inventorySnapshots() {
        return inventorySnapshots;
    }

    public List<SupportTicket> supportTickets() {
        return supportTickets;
    }

    /** The counts of one file, by file name (for example {@link #CUSTOMER_EVENTS_FILE}). */
    public FileCounts counts(String fileName) {
        FileCounts fileCounts = counts.get(fileName);
        if (fileCounts == null) {
            throw new IllegalArgumentException("not a seed file: " + fileName);
        }
        return fileCounts;
    }

    // ---------------------------------------------------------------------------------------------- reading

    private static <T> List<T> readFile(Path file, List<String> header, Function<Fields, T> parser,
            Function<T, String> primaryKey, Map<String, FileCounts> counts) throws IOException {
        List<T> rows = new ArrayList<>();
        Set<String> seenKeys = new HashSet<>();
        long dataRows = 0;
        long rejected = 0;
        long duplicates = 0;
        Interner interner = new Interner();
        // Lenient like the replay producer: a stray quote or a short row still yields a record (which is then
        // rejected), and invalid UTF-8 decodes to U+FFFD (also rejected) instead of failing the whole file.
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
                .allowMissingFields(true)
                .allowExtraFields(true)
                .allowUnclosedQuote(true)
                .allowExtraCharsAfterClosingQuote(true)
                .ofCsvRecord(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            var records = csv.iterator();
            checkHeader(file, header, records.hasNext() ? records.next().getFields() : List.of());
            while (records.hasNext()) {
                List<String> fields = records.next().getFields();
                dataRows++;
                T row;
                try {
                    row = parser.apply(new Fields(fields, header.size(), interner));
                } catch (InvalidRow e) {
                    rejected++;
                    continue;
                }
                if (seenKeys.add(primaryKey.apply(row))) {
                    rows.add(row);
                } else {
                    duplicates++;
                }
            }
        }
        counts.put(file.getFileName().toString(), new FileCounts(dataRows, rejected, duplicates));
        return rows;
    }

    private static void checkHeader(Path file, List<String> expected, List<String> found) {
        List<String> names = new ArrayList<>(found);
        if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) {
            names.set(0, names.get(0).substring(1));
        }
        if (!names.equals(expected)) {
            throw new IllegalArgumentException(file + ": header " + names + " is not the contract's " + expected);
        }
    }

    private static CustomerEvent customerEvent(Fields f) {
        return new CustomerEvent(f.required(0), f.required(1), f.required(2), f.category(3), f.requiredTimestamp(4),
                f.category(5), f.category(6), f.category(7), f.category(8), f.category(9), f.category(10),
                f.text(11));
    }

    private static PaymentTransaction paymentTransaction(Fields f) {
        return new PaymentTransaction(f.required(0), f.text(1), f.required(2), f.category(3), f.category(4),
                f.decimal(5), f.category(6), f.requiredTimestamp(7), f.category(8), f.decimal(9), f.category(10),
                f.category(11), f.finiteDouble(12));
    }

    private static InventorySnapshot inventorySnapshot(Fields f) {
        return new InventorySnapshot(f.required(0), f.required(1), f.category(2), f.requiredDate(3), f.integer(4),
                f.integer(5), f.integer(6), f.integer(7), f.integer(8), f.category(9), f.date(10), f.decimal(11));
    }

    private static SupportTicket supportTicket(Fields f) {
        return new SupportTicket(f.required(0), f.required(1), f.text(2), f.category(3), f.category(4),
                f.category(5), f.requiredTimestamp(6), f.timestamp(7), f.timestamp(8), f.category(9), f.integer(10),
                f.text(11), f.category(12));
    }

    /** Why a row is rejected; thrown while typing its fields. No stack trace: only the fact matters. */
    private static final class InvalidRow extends RuntimeException {
        InvalidRow(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Shares equal strings of low-cardinality columns (device, user agent, status, ...): millions of rows
     * repeat a few dozen values, and keeping one copy saves hundreds of MB at full scale.
     */
    private static final class Interner {
        private final Map<String, String> values = new HashMap<>();

        String intern(String value) {
            String known = values.putIfAbsent(value, value);
            return known == null ? value : known;
        }
    }

    /** The fields of one record, checked against the contract as a whole and then typed one by one. */
    private static final class Fields {
        private final List<String> fields;
        private final Interner interner;

        Fields(List<String> fields, int columnCount, Interner interner) {
            if (fields.size() != columnCount) {
                throw new InvalidRow("expected " + columnCount + " fields, got " + fields.size());
            }
            for (String field : fields) {
                if (field.indexOf('\uFFFD') >= 0) {
                    throw new InvalidRow("invalid UTF-8");
                }
            }
            if (isOversized(fields)) {
                throw new InvalidRow("oversized");
            }
            this.fields = fields;
            this.interner = interner;
        }

        /** A string that must be present. */
        String required(int i) {
            String value = fields.get(i);
            if (value.isEmpty()) {
                throw new InvalidRow("required field " + i + " is empty");
            }
            return value;
        }

        /** A free-text string, or null when empty. */
        String text(int i) {
            String value = fields.get(i);
            return value.isEmpty() ? null : value;
        }

        /** A string from a small set of values, or null when empty. */
        String category(int i) {
            String value = text(i);
            return value == null ? null : interner.intern(value);
        }

        Integer integer(int i) {
            String value = text(i);
            if (value == null) {
                return null;
            }
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new InvalidRow("not an int: " + value);
            }
        }

        /** Plain or exponent notation only: Double.parseDouble alone would also take NaN, 0x1p3, 1d, " 1". */
        Double finiteDouble(int i) {
            String value = text(i);
            if (value == null) {
                return null;
            }
            if (!DOUBLE_SYNTAX.matcher(value).matches()) {
                throw new InvalidRow("not a double: " + value);
            }
            double parsed = Double.parseDouble(value);
            if (!Double.isFinite(parsed)) {
                throw new InvalidRow("not a finite double: " + value);
            }
            return parsed;
        }

        /** decimal(10,2), always returned with scale 2; more fraction digits than two (other than 0) reject. */
        BigDecimal decimal(int i) {
            String value = text(i);
            if (value == null) {
                return null;
            }
            try {
                BigDecimal parsed = new BigDecimal(value).setScale(2, RoundingMode.UNNECESSARY);
                if (parsed.precision() > 10) {
                    throw new InvalidRow("more than 10 digits: " + value);
                }
                return parsed;
            } catch (NumberFormatException | ArithmeticException e) {
                throw new InvalidRow("not a decimal(10,2): " + value);
            }
        }

        LocalDateTime requiredTimestamp(int i) {
            return parseTimestamp(required(i));
        }

        LocalDateTime timestamp(int i) {
            String value = text(i);
            return value == null ? null : parseTimestamp(value);
        }

        LocalDate requiredDate(int i) {
            return parseDate(required(i));
        }

        LocalDate date(int i) {
            String value = text(i);
            return value == null ? null : parseDate(value);
        }
    }

    /**
     * {@code yyyy-MM-dd HH:mm:ss}, strictly (exactly 19 characters, all digits where digits belong, real
     * calendar values). Checked by hand rather than with a DateTimeFormatter, which is several times slower
     * and would dominate reading millions of rows.
     */
    static LocalDateTime parseTimestamp(String value) {
        if (value.length() != 19 || value.charAt(10) != ' ' || value.charAt(13) != ':' || value.charAt(16) != ':') {
            throw new InvalidRow("not yyyy-MM-dd HH:mm:ss: " + value);
        }
        LocalDate date = parseDate(value.substring(0, 10));
        try {
            return date.atTime(number(value, 11, 13), number(value, 14, 16), number(value, 17, 19));
        } catch (DateTimeException e) {
            throw new InvalidRow("not a time of day: " + value);
        }
    }

    /** {@code yyyy-MM-dd}, strictly. */
    static LocalDate parseDate(String value) {
        if (value.length() != 10 || value.charAt(4) != '-' || value.charAt(7) != '-') {
            throw new InvalidRow("not yyyy-MM-dd: " + value);
        }
        try {
            return LocalDate.of(number(value, 0, 4), number(value, 5, 7), number(value, 8, 10));
        } catch (DateTimeException e) {
            throw new InvalidRow("not a calendar date: " + value);
        }
    }

    private static int number(String text, int from, int to) {
        int result = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidRow("not a digit in " + text);
            }
            result = result * 10 + (c - '0');
        }
        return result;
    }

    /**
     * Whether the fields written back as one RFC 4180 line (fields holding a comma, quote or line break
     * quoted, quotes doubled) exceed {@link #MAX_LINE_BYTES} in UTF-8: the form in which the pipeline carries,
     * and size-checks, a row.
     */
    private static boolean isOversized(List<String> fields) {
        long chars = 0;
        for (String field : fields) {
            chars += field.length();
        }
        // Shortcut for the usual row: a UTF-16 char is at most 3 UTF-8 bytes, quoting adds at most 3 per field.
        if (3 * chars + 4L * fields.size() <= MAX_LINE_BYTES) {
            return false;
        }
        long bytes = fields.size() - 1L; // separators
        for (String field : fields) {
            bytes += field.getBytes(StandardCharsets.UTF_8).length;
            if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                    || field.indexOf('\r') >= 0) {
                bytes += 2 + field.chars().filter(c -> c == '"').count();
            }
        }
        return bytes > MAX_LINE_BYTES;
    }
}
