package dev.lakehouse.seeds;

import dev.lakehouse.contract.Source;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the four seed files day by day through 2024. Each day's click stream drives that day's payments,
 * payments feed the tickets; rows are buffered only until their day is complete, so memory stays small
 * whatever the scale. The same counts and seed always give byte-identical files.
 */
public final class SeedGeneration {
    /** Rows generated per file, and how long it took. */
    public record Result(Map<Source, Long> rows, Duration elapsed) {}

    private SeedGeneration() {}

    /**
     * @param progress receives a line at the end of each month; may be {@code null}
     */
    public static Result generate(Path outDir, SeedCounts counts, long seed, PrintStream progress) throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(outDir);
        DailyQuota eventQuota = DailyQuota.seasonal(counts.customerEvents());
        DailyQuota paymentQuota = DailyQuota.seasonal(counts.paymentTransactions());
        DailyQuota ticketQuota = DailyQuota.seasonal(counts.supportTickets());
        DailyQuota inventoryQuota = DailyQuota.flat(counts.inventorySnapshots());
        Population population = new Population(seed);

        try (SeedFileWriter eventFile = new SeedFileWriter(outDir, Source.CUSTOMER_EVENTS, "EVT", 9);
             SeedFileWriter paymentFile = new SeedFileWriter(outDir, Source.PAYMENT_TRANSACTIONS, "TXN", 9);
             SeedFileWriter inventoryFile = new SeedFileWriter(outDir, Source.INVENTORY_SNAPSHOTS, "SNAP", 9);
             SeedFileWriter ticketFile = new SeedFileWriter(outDir, Source.SUPPORT_TICKETS, "TKT", 8)) {
            TimeOrderedBuffer events = new TimeOrderedBuffer(eventFile);
            TimeOrderedBuffer payments = new TimeOrderedBuffer(paymentFile);
            TimeOrderedBuffer tickets = new TimeOrderedBuffer(ticketFile);
            RecentRing orders = new RecentRing(100_000);
            ClickstreamGenerator clickstream = new ClickstreamGenerator(population, seed, events);
            PaymentGenerator paymentGenerator = new PaymentGenerator(population, seed, payments, orders);
            TicketGenerator ticketGenerator = new TicketGenerator(population, seed, tickets, orders);
            InventoryGenerator inventory = new InventoryGenerator(population, seed, inventoryFile,
                    (int) inventoryQuota.maxPerDay());

            for (int day = 0; day < Year2024.DAYS; day++) {
                boolean lastDay = day == Year2024.DAYS - 1;
                List<Purchase> purchases = clickstream.generateDay(day, eventQuota.forDay(day));
                paymentGenerator.generateDay(day, purchases, paymentQuota.forDay(day), lastDay);
                ticketGenerator.generateDay(day, ticketQuota.forDay(day));
                inventory.generateDay(day, inventoryQuota.forDay(day));

                long nextDay = Year2024.dayStart(day + 1);
                events.flushBefore(nextDay);
                payments.flushBefore(nextDay);
                tickets.flushBefore(nextDay);
                LocalDate date = LocalDate.ofEpochDay(Year2024.epochDay(day));
                if (progress != null && date.plusDays(1).getDayOfMonth() == 1) {
                    progress.printf("generated through %s: %,d events, %,d payments, %,d snapshots, %,d tickets%n",
                            date, eventFile.rows(), paymentFile.rows(), inventoryFile.rows(), ticketFile.rows());
                }
            }
            events.flushAll();
            payments.flushAll();
            tickets.flushAll();

            Map<Source, Long> rows = new EnumMap<>(Source.class);
            rows.put(Source.CUSTOMER_EVENTS, eventFile.rows());
            rows.put(Source.PAYMENT_TRANSACTIONS, paymentFile.rows());
            rows.put(Source.INVENTORY_SNAPSHOTS, inventoryFile.rows());
            rows.put(Source.SUPPORT_TICKETS, ticketFile.rows());
            return new Result(rows, Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
