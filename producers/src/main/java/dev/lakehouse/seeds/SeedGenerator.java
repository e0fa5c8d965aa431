package dev.lakehouse.seeds;

import dev.lakehouse.contract.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate}: writes the four seed CSV files of the data contract with coherent, seeded data. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate the four seed CSV files (customer events, payments, inventory, tickets) for 2024.")
public final class SeedGenerator implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "Folder to write the CSV files to (created if missing).")
    Path out;

    @Option(names = "--scale", defaultValue = "1.0",
            description = "1.0 = 2,000,000 events, 1,000,000 payments, 500,000 snapshots, 300,000 tickets (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--customer-events", description = "Exact number of customer events (overrides --scale).")
    Long customerEvents;

    @Option(names = "--payment-transactions", description = "Exact number of payment transactions (overrides --scale).")
    Long paymentTransactions;

    @Option(names = "--inventory-snapshots", description = "Exact number of inventory snapshots (overrides --scale).")
    Long inventorySnapshots;

    @Option(names = "--support-tickets", description = "Exact number of support tickets (overrides --scale).")
    Long supportTickets;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed; same seed and counts, same bytes (default: ${DEFAULT-VALUE}).")
    long seed;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SeedGenerator()).execute(args));
    }

    /** The row counts the options ask for. */
    SeedCounts counts() {
        SeedCounts scaled = SeedCounts.scaled(scale);
        return new SeedCounts(
                customerEvents != null ? customerEvents : scaled.customerEvents(),
                paymentTransactions != null ? paymentTransactions : scaled.paymentTransactions(),
                inventorySnapshots != null ? inventorySnapshots : scaled.inventorySnapshots(),
                supportTickets != null ? supportTickets : scaled.supportTickets());
    }

    @Override
    public Integer call() throws IOException {
        SeedCounts counts = counts();
        System.err.printf("generating %,d rows into %s (seed %d)%n", counts.total(), out, seed);
        SeedGeneration.Result result = SeedGeneration.generate(out, counts, seed, System.err);
        long totalBytes = 0;
        for (Map.Entry<Source, Long> entry : result.rows().entrySet()) {
            long bytes = Files.size(out.resolve(entry.getKey().fileName()));
            totalBytes += bytes;
            System.out.printf("%-26s %,12d rows %,14d bytes%n", entry.getKey().fileName(), entry.getValue(), bytes);
        }
        double seconds = result.elapsed().toNanos() / 1e9;
        System.out.printf("%-26s %,12d rows %,14d bytes in %.1f s (%,.0f rows/s)%n", "total",
                counts.total(), totalBytes, seconds, counts.total() / Math.max(seconds, 1e-9));
        return 0;
    }
}
