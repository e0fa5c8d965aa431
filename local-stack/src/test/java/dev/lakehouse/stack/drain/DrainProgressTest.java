package dev.lakehouse.stack.drain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class DrainProgressTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void withinTheIntervalNothingIsPrinted() {
        Consumer<String> progress = DrainWatcher.printedEvery(Duration.ofHours(1), out);

        progress.accept("waiting for the job to consume and checkpoint 1200 more records");
        progress.accept("waiting for the job to consume and checkpoint 800 more records");

        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void onceTheIntervalHasPassedTheLatestMessageIsPrintedIndented() {
        Consumer<String> progress = DrainWatcher.printedEvery(Duration.ZERO, out);

        progress.accept("waiting for Iceberg commits of checkpoint 7 on [silver.customer_sessions]");

        assertThat(printed.toString(StandardCharsets.UTF_8))
                .isEqualTo("    waiting for Iceberg commits of checkpoint 7 on [silver.customer_sessions]" + System.lineSeparator());
    }
}
