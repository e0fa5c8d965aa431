package dev.lakehouse.stack.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoakReportTest {
    private static final long MB = 1024 * 1024;

    private static SoakSample sample(int minute, long lag, long stateBytes, long dataFiles) {
        return new SoakSample(Duration.ofMinutes(minute), 300_000L * minute, 5_000, lag, stateBytes, 1_200, 0,
                List.of(new SoakSample.ProcessFigures("stack", 512 * MB, 1_200 * MB),
                        new SoakSample.ProcessFigures("trino", SoakSample.ProcessFigures.NOT_COLLECTED, 900 * MB)),
                List.of(new SoakSample.TableFiles("bronze.customer_events", dataFiles, 0, 12),
                        new SoakSample.TableFiles("gold.daily_metrics", 3, 2, 14)),
                Map.of("Ticket metrics and SLA timers", stateBytes / 2, "Sessionize customer events", 1 * MB));
    }

    @Test
    void anIntervalBlockShowsEveryFigure() {
        List<String> block = SoakReport.intervalBlock(sample(2, 12_345, 45 * MB, 8));
        assertThat(block.get(0)).isEqualTo(
                "[+02:00] feed 5,000 rows/s (600,000 sent) | lag 12,345 rows | state 45.0 MB, checkpoint 1.2 s | restarts 0");
        assertThat(block.get(1)).isEqualTo("    heap/RSS MB: stack 512/1,200, trino -/900");
        assertThat(block.get(2)).isEqualTo("    data/delete files/snapshots: bronze.customer_events 8/0/12, gold.daily_metrics 3/2/14");
        assertThat(String.join("\n", block)).doesNotContain("n/a");
    }

    @Test
    void aFigureThatCouldNotBeReadShowsAsNotAvailable() {
        SoakSample missing = new SoakSample(Duration.ofSeconds(70), 10, 1, SoakSample.UNAVAILABLE, SoakSample.UNAVAILABLE,
                SoakSample.UNAVAILABLE, 0, List.of(new SoakSample.ProcessFigures("taskmanager-1", SoakSample.UNAVAILABLE, 5 * MB)), List.of(), Map.of());
        assertThat(SoakReport.intervalBlock(missing).get(0)).contains("[+01:10]", "lag n/a rows", "state n/a, checkpoint n/a");
        assertThat(SoakReport.intervalBlock(missing).get(1)).isEqualTo("    heap/RSS MB: taskmanager-1 n/a/5");
    }

    @Test
    void levelSeriesAreBoundedAndExitZero() {
        List<SoakSample> samples = new ArrayList<>();
        for (int minute = 1; minute <= 9; minute++) {
            samples.add(sample(minute, minute % 2 == 0 ? 40_000 : 5_000, 40 * MB + (minute % 3) * MB, 5 + minute % 4));
        }
        SoakReport.Summary summary = SoakReport.summarize(samples, 5_000, 100_000);
        assertThat(summary.exitCode()).isEqualTo(SoakReport.BOUNDED);
        assertThat(summary.lines()).anyMatch(line -> line.contains("state size") && line.contains("bounded"))
                .anyMatch(line -> line.contains("RSS trino") && line.contains("bounded"))
                .noneMatch(line -> line.contains("heap trino"))
                .anyMatch(line -> line.contains("bronze.customer_events data files") && line.contains("bounded"))
                .contains("Result: every series stayed bounded.");
    }

    @Test
    void growingStateIsReportedWithItsRateAndExitsTwo() {
        List<SoakSample> samples = new ArrayList<>();
        for (int minute = 1; minute <= 9; minute++) {
            samples.add(sample(minute, 5_000, 40 * MB * minute, 6));
        }
        SoakReport.Summary summary = SoakReport.summarize(samples, 5_000, 100_000);
        assertThat(summary.exitCode()).isEqualTo(SoakReport.GREW);
        assertThat(summary.lines()).anyMatch(line -> line.contains("state size") && line.contains("GREW") && line.contains("+40.0 MB/min"))
                .anyMatch(line -> line.startsWith("Result: NOT BOUNDED. Grew: state size (40.0 MB/min)"))
                // from minute 4 (first of the middle third) to minute 9: half of 40 MB × 5
                .contains("    state growth by operator over the last two thirds: Ticket metrics and SLA timers +100.0 MB");
    }

    @Test
    void growingLagAloneIsAFindingAboutTheRate() {
        List<SoakSample> samples = new ArrayList<>();
        for (int minute = 1; minute <= 9; minute++) {
            samples.add(sample(minute, 600_000L * minute, 40 * MB, 6));
        }
        SoakReport.Summary summary = SoakReport.summarize(samples, 20_000, 400_000);
        assertThat(summary.exitCode()).isEqualTo(SoakReport.CANNOT_KEEP_UP);
        assertThat(summary.lines()).contains(
                "The pipeline cannot keep up with 20,000 rows/s on this machine: lag grows 600,000 rows/min.");
    }
}
