package dev.lakehouse.stack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.stack.testing.SeedFolders;
import dev.lakehouse.stack.testing.TempDirs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The contract for scripts and CI: {@code demo --seeds DIR --warehouse DIR --exit-when-drained}, then
 * {@code sql --warehouse DIR "QUERY"} on the result (which starts its own catalog and Trino, as no stack runs).
 */
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
    void replaysToCompletionPrintsCountsThenSqlQueriesThemAndASecondStartKeepsTheData() {
        Map<String, Long> expected = new HashMap<>();
        SeedFolders.rowCounts(SeedFolders.sample()).forEach((source, rows) -> expected.put(source.sourceName(), rows));
        expected.put("rejected_records", 0L);

        String first = runDemo("--trino-port", "0");

        assertThat(first).contains("Flink dashboard", "Lakehouse job", "Drained").containsPattern("Trino +http://127\\.0\\.0\\.1:\\d+");
        assertThat(tableCounts(first)).isEqualTo(expected);

        String csv = runSql("SELECT count(*) AS events, count(DISTINCT customer_id) > 0 AS any_customer FROM iceberg.bronze.customer_events");

        assertThat(csv).isEqualTo("events,any_customer\n" + expected.get("customer_events") + ",true\n");

        String second = runDemo("--no-trino");

        assertThat(second).contains("resumed from chk-");
        assertThat(tableCounts(second)).isEqualTo(expected);
    }

    private String runDemo(String... trinoOptions) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        List<String> arguments = new ArrayList<>(List.of(
                "--seeds", SeedFolders.sample().toString(),
                "--warehouse", warehouse.toString(),
                "--exit-when-drained",
                "--checkpoint-interval", "2s",
                "--job-jar", System.getProperty("lakehouse.job.jar"),
                "--dashboard-port", "0", "--kafka-port", "0", "--kafka-controller-port", "0", "--catalog-port", "0"));
        arguments.addAll(List.of(trinoOptions));
        int exit = new CommandLine(new DemoCommand(out)).execute(arguments.toArray(String[]::new));
        String text = captured.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isZero();
        return text;
    }

    private String runSql(String query) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = new CommandLine(new SqlCommand(new PrintStream(captured, true, StandardCharsets.UTF_8),
                new PrintStream(errors, true, StandardCharsets.UTF_8)))
                .execute("--warehouse", warehouse.toString(), query);
        String stderr = errors.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(stderr).isZero();
        assertThat(stderr).contains("No stack is running");
        return captured.toString(StandardCharsets.UTF_8);
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
