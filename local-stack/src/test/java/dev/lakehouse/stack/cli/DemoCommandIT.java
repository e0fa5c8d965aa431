package dev.lakehouse.stack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.stack.testing.SeedFolders;
import dev.lakehouse.stack.testing.TempDirs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The contract for scripts and CI: {@code demo --seeds DIR --warehouse DIR --exit-when-drained}. */
class DemoCommandIT {
    private static final Pattern TABLE_COUNT = Pattern.compile("bronze\\.(\\w+)\\s+([\\d,]+) rows");

    private Path warehouse;

    @BeforeEach
    void createWarehouse() throws Exception {
        warehouse = Files.createTempDirectory("lakehouse-demo-it");
    }

    @AfterEach
    void deleteWarehouse() {
        TempDirs.deleteRecursively(warehouse);
    }

    @Test
    void replaysToCompletionPrintsCountsAndASecondStartKeepsTheData() {
        Map<String, Long> expected = new HashMap<>();
        SeedFolders.rowCounts(SeedFolders.sample()).forEach((source, rows) -> expected.put(source.sourceName(), rows));
        expected.put("rejected_records", 0L);

        String first = runDemo();

        assertThat(first).contains("Flink dashboard", "Bronze job", "Drained");
        assertThat(tableCounts(first)).isEqualTo(expected);

        String second = runDemo();

        assertThat(second).contains("resumed from chk-");
        assertThat(tableCounts(second)).isEqualTo(expected);
    }

    private String runDemo() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        int exit = new CommandLine(new DemoCommand(out)).execute(
                "--seeds", SeedFolders.sample().toString(),
                "--warehouse", warehouse.toString(),
                "--exit-when-drained",
                "--checkpoint-interval", "2s",
                "--job-jar", System.getProperty("lakehouse.job.jar"),
                "--dashboard-port", "0", "--kafka-port", "0", "--kafka-controller-port", "0", "--catalog-port", "0");
        String text = captured.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isZero();
        return text;
    }

    private static Map<String, Long> tableCounts(String output) {
        Map<String, Long> counts = new HashMap<>();
        Matcher matcher = TABLE_COUNT.matcher(output);
        while (matcher.find()) {
            counts.put(matcher.group(1), Long.parseLong(matcher.group(2).replace(",", "")));
        }
        return counts;
    }
}
