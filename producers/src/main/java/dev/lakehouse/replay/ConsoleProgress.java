package dev.lakehouse.replay;

import java.io.PrintStream;
import java.text.DecimalFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows replay progress: a progress bar with rate and ETA on a terminal, otherwise a plain line on stderr
 * every few seconds (logs and CI output stay readable).
 */
final class ConsoleProgress implements ReplayProgressListener, AutoCloseable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final long LINE_INTERVAL_NANOS = 5_000_000_000L;

    private final ProgressBar bar;
    private final PrintStream lines;
    private long lastLineNanos = System.nanoTime();

    private ConsoleProgress(ProgressBar bar, PrintStream lines) {
        this.bar = bar;
        this.lines = lines;
    }

    static ConsoleProgress forConsole() {
        if (System.console() != null) {
            return new ConsoleProgress(new ProgressBarBuilder()
                    .setTaskName("replay")
                    .setInitialMax(-1)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUnit(" rows", 1)
                    .showSpeed(new DecimalFormat("#,##0"))
                    .setUpdateIntervalMillis(200)
                    .build(), null);
        }
        return new ConsoleProgress(null, System.err);
    }

    @Override
    public void onProgress(ReplayProgress progress) {
        String eventTime = progress.eventTimeMillis() < 0 ? "-" : TIME.format(Instant.ofEpochMilli(progress.eventTimeMillis()));
        if (bar != null) {
            if (progress.estimatedTotalRows() > 0) {
                bar.maxHint(progress.estimatedTotalRows());
            }
            bar.stepTo(progress.rowsSent());
            bar.setExtraMessage(" " + eventTime + (progress.rowsRejected() > 0 ? ", " + progress.rowsRejected() + " rejected" : ""));
            return;
        }
        long now = System.nanoTime();
        if (now - lastLineNanos >= LINE_INTERVAL_NANOS) {
            lastLineNanos = now;
            double seconds = Math.max(progress.elapsed().toNanos() / 1e9, 1e-9);
            String share = progress.estimatedTotalRows() > 0
                    ? String.format(" (~%.0f%%)", 100.0 * progress.rowsSent() / progress.estimatedTotalRows()) : "";
            lines.printf("replay: %,d rows%s, %,.0f rows/s, %,d rejected, event time %s%n", progress.rowsSent(), share,
                    progress.rowsSent() / seconds, progress.rowsRejected(), eventTime);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
