package dev.lakehouse.stack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.jobs.LakehouseTables;
import dev.lakehouse.stack.soak.SoakReport;
import dev.lakehouse.stack.testing.TempDirs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A short soak on the real stack: {@code soak --duration 30s --interval 10s --rate 2000} on a tiny generated data set
 * prints a block per interval with every figure read, then a verdict per series and an exit code that matches it.
 */
class SoakCommandIT {
    private Path warehouse;
    private Path dataSets;

    @BeforeEach
    void createFolders() throws Exception {
        warehouse = Files.createTempDirectory("lakehouse-soak-it");
        dataSets = Files.createTempDirectory("lakehouse-soak-data");
    }

    @AfterEach
    void deleteFolders() {
        TempDirs.deleteRecursively(warehouse);
        TempDirs.deleteRecursively(dataSets);
    }

    @Test
    void printsEveryFigureEachIntervalAndAVerdictPerSeries() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        int exit = new CommandLine(new SoakCommand(out)).execute(
                "--duration", "30s", "--interval", "10s", "--rate", "2000", "--scale", "0.001",
                "--checkpoint-interval", "2s", "--warehouse", warehouse.toString(), "--data-sets", dataSets.toString(),
                "--job-jar", System.getProperty("lakehouse.job.jar"));
        String text = captured.toString(StandardCharsets.UTF_8);
        System.out.println(text); // the soak's report, in the test output
        List<String> lines = text.lines().toList();

        List<Integer> blockStarts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\[\\+\\d\\d:\\d\\d] feed .*")) {
                blockStarts.add(i);
            }
        }
        assertThat(blockStarts).as(text).hasSize(3);
        // The first interval may come before the first checkpoint completes; from the second on every figure is there.
        for (int start : blockStarts.subList(1, blockStarts.size())) {
            String block = String.join("\n", lines.subList(start, start + 2 + (LakehouseTables.all().size() + 3) / 4));
            assertThat(block).as(text).doesNotContain("n/a")
                    .containsPattern("feed [\\d,]+ rows/s \\([\\d,]+ sent\\) \\| lag [\\d,]+ rows \\| state [\\d.,]+ MB, checkpoint [\\d.]+ s")
                    .containsPattern("heap/RSS MB: stack [\\d,]+/[\\d,]+");
            for (var table : LakehouseTables.all()) {
                assertThat(block).containsPattern(java.util.regex.Pattern.quote(table.toString()) + " \\d+/\\d+/\\d+");
            }
        }
        // The feed kept new rows flowing: the job committed Iceberg snapshots of bronze during the run.
        assertThat(lines.get(blockStarts.get(2) + 2)).containsPattern("bronze\\.customer_events [1-9]\\d*/\\d+/[1-9]\\d*");
        assertThat(text).containsPattern("Fed [\\d,]+ rows in \\d+ laps").contains("Soak summary: 3 samples");
        assertThat(text).containsPattern("state size +(bounded|GREW) ").containsPattern("Kafka lag +(bounded|GREW) ")
                .containsPattern("heap stack +(bounded|GREW) ").containsPattern("RSS stack +(bounded|GREW) ");

        boolean resourceGrew = text.contains("Result: NOT BOUNDED. Grew:");
        boolean lagGrew = text.contains("The pipeline cannot keep up with 2,000 rows/s");
        int expected = resourceGrew ? SoakReport.GREW : lagGrew ? SoakReport.CANNOT_KEEP_UP : SoakReport.BOUNDED;
        assertThat(exit).as(text).isEqualTo(expected);
        if (expected == SoakReport.BOUNDED) {
            assertThat(text).contains("Result: every series stayed bounded.");
        }
    }
}
