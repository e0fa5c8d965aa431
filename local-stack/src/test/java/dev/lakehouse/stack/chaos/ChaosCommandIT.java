package dev.lakehouse.stack.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.seeds.SeedCounts;
import dev.lakehouse.seeds.SeedGeneration;
import dev.lakehouse.stack.cli.ChaosCommand;
import dev.lakehouse.stack.cli.LakehouseCli;
import dev.lakehouse.stack.testing.TempDirs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * {@code ./lakehouse chaos} on a small generated data set with one fault of every kind (TaskManager and JobManager
 * killed, Kafka and the catalog restarted, the job cancelled and resumed, the producer killed and run again), against
 * the real components (multi-process Flink, embedded Kafka broker, REST catalog): every fault recovers, and every
 * table equals the fault-free run's — 0 rows lost, 0 doubled, 0 differing — or the command exits 1.
 */
class ChaosCommandIT {
    private static final Logger LOG = LoggerFactory.getLogger(ChaosCommandIT.class);
    private static final Pattern FAULT_LINE = Pattern.compile("^\\s+fault (\\d+) at .*recovered in", Pattern.MULTILINE);
    private static final Path FLINK_LOGS = Path.of("_stack", "flink", "cluster", "log");
    private static final Pattern TOTALS = Pattern.compile("Rows lost: (\\d+), rows doubled: (\\d+), rows differing: (\\d+)");

    @Test
    void sixFaultsOfEveryKindLoseDoubleAndChangeNoRow() throws Exception {
        Path root = Files.createTempDirectory("lakehouse-chaos-it");
        boolean passed = false;
        try {
            Path seeds = root.resolve("seeds");
            // ~3,800 rows over 2024: enough for sessions, payment histories, SLA breaches and every gold table.
            SeedGeneration.generate(seeds, SeedCounts.scaled(0.001), 11, null);
            Path warehouse = root.resolve("chaos");

            long started = System.nanoTime();
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
            List<String> arguments = new ArrayList<>(List.of("chaos",
                    "--seeds", seeds.toString(),
                    "--warehouse", warehouse.toString(),
                    "--faults", "6",
                    "--seed", "3",
                    "--taskmanagers", "1",
                    "--replay-duration", "30s",
                    "--checkpoint-interval", "2s",
                    "--job-jar", System.getProperty("lakehouse.job.jar")));
            CommandLine cli = new CommandLine(new LakehouseCli(), new ChaosOutputFactory(out));
            int exit = cli.execute(arguments.toArray(String[]::new));
            String text = captured.toString(StandardCharsets.UTF_8);
            LOG.info("./lakehouse chaos finished with {} after {} s:\n{}", exit, (System.nanoTime() - started) / 1_000_000_000, text);

            assertThat(recoveredFaults(text)).as("faults that recovered:\n%s", text).hasSize(6);
            for (Fault fault : Fault.values()) {
                assertThat(text).as("a %s fault", fault).containsPattern("fault \\d at .*" + Pattern.quote(fault.description()) + ".*recovered in");
            }
            assertThat(text).as("every fault hit the replay while it ran").doesNotContain("(after the replay)");
            Matcher totals = TOTALS.matcher(text);
            assertThat(totals.find()).as(text).isTrue();
            assertThat(List.of(totals.group(1), totals.group(2), totals.group(3))).as(text).containsExactly("0", "0", "0");
            assertThat(text).contains("PASSED");
            assertThat(exit).as(text).isZero();
            assertThat(warehouse.resolve("catalog.db")).as("the chaos run's tables stay for queries").isRegularFile();
            passed = true;
        } finally {
            if (!passed) {
                // The Flink processes' logs (and the thread dumps of a recovery that never came) explain a failure.
                LOG.error("Flink logs of the failed chaos run kept in {}",
                        TempDirs.keepForReport(root.resolve("chaos").resolve(FLINK_LOGS), "ChaosCommandIT"));
            }
            TempDirs.deleteRecursively(root);
        }
    }

    private static List<String> recoveredFaults(String text) {
        List<String> numbers = new ArrayList<>();
        Matcher matcher = FAULT_LINE.matcher(text);
        while (matcher.find()) {
            numbers.add(matcher.group(1));
        }
        return numbers;
    }

    /** Creates the chaos command with the captured output, the rest as picocli would. */
    private record ChaosOutputFactory(PrintStream out) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == ChaosCommand.class) {
                return type.cast(new ChaosCommand(out));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
