package dev.lakehouse.replay;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.lakehouse.contract.ParseResult;
import dev.lakehouse.contract.RowParser;
import dev.lakehouse.contract.Source;
import dev.lakehouse.contract.TypedRow;
import dev.lakehouse.seeds.SeedCounts;
import dev.lakehouse.seeds.SeedGeneration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The endless feed against an in-memory sender: many laps of a tiny generated data set. */
class SoakFeedTest {
    private static final double RATE = 40_000;

    @TempDir
    static Path seeds;

    private static SoakFeed.Summary summary;
    private static InMemorySender sender;
    private static long rowsPerLap;

    @BeforeAll
    static void feedSeveralLaps() throws Exception {
        SeedCounts counts = new SeedCounts(1000, 500, 300, 150);
        SeedGeneration.generate(seeds, counts, 7, null);
        rowsPerLap = counts.total();
        sender = new InMemorySender();
        summary = new SoakFeed(seeds, "", RATE, Duration.ofMillis(700), 366).run(sender);
    }

    @Test
    void keepsSendingNewRowsLapAfterLap() {
        assertThat(summary.laps()).isGreaterThan(3);
        assertThat(summary.rowsSent()).isEqualTo(sender.sent.size()).isGreaterThan(3 * rowsPerLap);
        assertThat(summary.rowsRejected()).isZero();
    }

    @Test
    void neverRunsAheadOfTheRate() {
        // Row n is not sent more than one short burst (a wait too short to park for) before n / rate seconds: the whole
        // run sent at most rate × (duration + one burst), plus the first row.
        long burstRows = (long) Math.ceil(RATE * SoakFeed.MIN_PARK_NANOS / 1e9);
        assertThat(summary.rowsSent()).isLessThanOrEqualTo((long) (RATE * summary.elapsed().toNanos() / 1e9) + burstRows + 1);
        assertThat(summary.rowsPerSecond()).isBetween(RATE * 0.5, RATE * 1.01);
    }

    @Test
    void everyRowSatisfiesTheContractWithAFreshPrimaryKeyAndNonDecreasingEventTime() throws Exception {
        RowParser parser = new RowParser();
        Set<String> keys = new HashSet<>();
        Set<String> orders = new HashSet<>();
        long previousTime = Long.MIN_VALUE;
        for (InMemorySender.Sent sent : sender.sent) {
            Source source = Source.valueOf(sent.topic().toUpperCase(java.util.Locale.ROOT));
            List<String> fields = fields(sent.value());
            ParseResult result = parser.parseFields(source, fields);
            assertThat(result).as(sent.value()).isInstanceOf(ParseResult.Accepted.class);
            TypedRow row = ((ParseResult.Accepted) result).row();
            assertThat(keys.add(source + "/" + fields.get(0))).as("fresh key %s", fields.get(0)).isTrue();
            assertThat(row.eventTimeMillis()).isGreaterThanOrEqualTo(previousTime);
            previousTime = row.eventTimeMillis();
            if (source == Source.PAYMENT_TRANSACTIONS) {
                orders.add(fields.get(1));
            }
            if (source == Source.SUPPORT_TICKETS && !fields.get(2).isEmpty()) {
                assertThat(orders).as("ticket %s refers to an order sent before it", fields.get(0)).contains(fields.get(2));
            }
            String customer = fields.get(source == Source.PAYMENT_TRANSACTIONS ? 2 : 1);
            if (source != Source.INVENTORY_SNAPSHOTS) {
                assertThat(Integer.parseInt(customer.substring(4))).isBetween(1, 100_000);
            }
        }
    }

    private static List<String> fields(String csvLine) throws Exception {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csvLine)) {
            return reader.iterator().next().getFields();
        }
    }
}
