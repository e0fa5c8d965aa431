package dev.lakehouse.stack.soak;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * What the soak prints: one block per interval and the summary with a verdict per series ({@link Boundedness}).
 *
 * <p>Exit codes: {@link #BOUNDED} when every series stayed bounded; {@link #GREW} when a resource (heap, RSS, state,
 * checkpoint duration, files, snapshots) kept growing; {@link #CANNOT_KEEP_UP} when only the Kafka lag grew: the
 * machine cannot sustain the rate, a finding about the rate rather than a leak.
 */
public final class SoakReport {
    public static final int BOUNDED = 0;
    public static final int GREW = 2;
    public static final int CANNOT_KEEP_UP = 3;

    private static final double MB = 1024.0 * 1024.0;
    static final Boundedness HEAP = new Boundedness(0.25, 64 * MB);
    static final Boundedness RSS = new Boundedness(0.15, 64 * MB);
    static final Boundedness STATE = new Boundedness(0.25, 8 * MB);
    static final Boundedness CHECKPOINT = new Boundedness(0.5, 5_000);
    static final Boundedness FILES = new Boundedness(0.25, 10);
    static final Boundedness SNAPSHOTS = new Boundedness(0.25, 5);
    private static final double LAG_RELATIVE = 0.25;

    /** The summary: its lines and the exit code they amount to. */
    public record Summary(List<String> lines, int exitCode) {}

    private SoakReport() {}

    /** The lines printed after each interval. */
    public static List<String> intervalBlock(SoakSample sample) {
        List<String> lines = new ArrayList<>();
        StringBuilder head = new StringBuilder();
        head.append(String.format(Locale.ROOT, "[+%s] feed %,d rows/s (%,d sent) | lag %s rows | state %s, checkpoint %s | restarts %s",
                clock(sample.elapsed().toSeconds()), Math.round(sample.rowsPerSecond()), sample.rowsSent(), count(sample.lag()),
                megabytes(sample.stateBytes()), seconds(sample.checkpointMillis()), count(sample.restarts())));
        lines.add(head.toString());
        List<String> processes = new ArrayList<>();
        for (SoakSample.ProcessFigures process : sample.processes()) {
            processes.add(process.name() + " " + (process.heapBytes() == SoakSample.ProcessFigures.NOT_COLLECTED ? "-"
                    : megabytesBare(process.heapBytes())) + "/" + megabytesBare(process.rssBytes()));
        }
        lines.add("    heap/RSS MB: " + String.join(", ", processes));
        List<String> tables = new ArrayList<>();
        for (SoakSample.TableFiles table : sample.tables()) {
            tables.add(String.format(Locale.ROOT, "%s %s/%s/%s", table.table(), count(table.dataFiles()), count(table.deleteFiles()),
                    count(table.snapshots())));
        }
        for (int i = 0; i < tables.size(); i += 4) {
            lines.add((i == 0 ? "    data/delete files/snapshots: " : "                                 ")
                    + String.join(", ", tables.subList(i, Math.min(tables.size(), i + 4))));
        }
        return lines;
    }

    /**
     * @param askedRowsPerSecond the rate the feed was asked for
     * @param lagSlackRows rows of lag that are noise rather than growth: what arrives between two offset commits
     */
    public static Summary summarize(List<SoakSample> samples, double askedRowsPerSecond, double lagSlackRows) {
        List<String> lines = new ArrayList<>();
        List<Double> minutes = samples.stream().map(s -> s.elapsed().toMillis() / 60_000.0).toList();
        lines.add(String.format(Locale.ROOT, "Soak summary: %d samples over %s. A series is bounded when the peak of the last third of the "
                + "samples is at most the peak of the middle third plus a tolerance (the first third is warm-up).", samples.size(),
                samples.isEmpty() ? "0 s" : clock(samples.get(samples.size() - 1).elapsed().toSeconds())));
        List<String> grew = new ArrayList<>();

        Map<String, List<Double>> heaps = new LinkedHashMap<>();
        Map<String, List<Double>> rss = new LinkedHashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            for (SoakSample.ProcessFigures process : samples.get(i).processes()) {
                if (process.heapBytes() != SoakSample.ProcessFigures.NOT_COLLECTED) {
                    put(heaps, process.name(), i, samples.size(), process.heapBytes());
                }
                put(rss, process.name(), i, samples.size(), process.rssBytes());
            }
        }
        heaps.forEach((name, values) -> verdict(lines, grew, "heap " + name, HEAP.judge(minutes, values), SoakReport::mb));
        rss.forEach((name, values) -> verdict(lines, grew, "RSS " + name, RSS.judge(minutes, values), SoakReport::mb));
        Boundedness.Verdict state = STATE.judge(minutes, series(samples, SoakSample::stateBytes));
        verdict(lines, grew, "state size", state, SoakReport::mb);
        if (state.grew()) {
            lines.add("    state growth by operator over the last two thirds: " + operatorGrowth(samples));
        }
        verdict(lines, grew, "checkpoint duration", CHECKPOINT.judge(minutes, series(samples, SoakSample::checkpointMillis)),
                v -> String.format(Locale.ROOT, "%.1f s", v / 1000));

        Map<String, List<Double>> files = new LinkedHashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            for (SoakSample.TableFiles table : samples.get(i).tables()) {
                put(files, table.table() + " data files", i, samples.size(), table.dataFiles());
                put(files, table.table() + " delete files", i, samples.size(), table.deleteFiles());
                put(files, table.table() + " snapshots", i, samples.size(), table.snapshots());
            }
        }
        files.forEach((name, values) -> verdict(lines, grew, name,
                (name.endsWith("snapshots") ? SNAPSHOTS : FILES).judge(minutes, values), v -> String.format(Locale.ROOT, "%.0f", v)));

        Boundedness.Verdict lag = new Boundedness(LAG_RELATIVE, lagSlackRows).judge(minutes, series(samples, SoakSample::lag));
        List<String> lagGrew = new ArrayList<>();
        verdict(lines, lagGrew, "Kafka lag", lag, v -> String.format(Locale.ROOT, "%,.0f rows", v));

        double achieved = samples.isEmpty() ? 0 : samples.get(samples.size() - 1).rowsSent()
                / Math.max(1e-9, samples.get(samples.size() - 1).elapsed().toMillis() / 1000.0);
        lines.add(String.format(Locale.ROOT, "Feed: %,.0f rows/s on average, %,.0f asked%s", achieved, askedRowsPerSecond,
                achieved < 0.95 * askedRowsPerSecond ? " (the producer could not hold the rate on this machine)" : ""));
        int exit = BOUNDED;
        if (!lagGrew.isEmpty()) {
            lines.add(String.format(Locale.ROOT, "The pipeline cannot keep up with %,.0f rows/s on this machine: lag grows %,.0f rows/min.",
                    askedRowsPerSecond, lag.growthPerMinute()));
            exit = CANNOT_KEEP_UP;
        }
        if (!grew.isEmpty()) {
            lines.add("Result: NOT BOUNDED. Grew: " + String.join(", ", grew));
            exit = GREW;
        } else if (exit == BOUNDED) {
            lines.add("Result: every series stayed bounded.");
        } else {
            lines.add("Result: resources stayed bounded, but the lag grew (see above).");
        }
        return new Summary(lines, exit);
    }

    /** The three job vertices whose state grew most from the start of the middle third to the end. */
    static String operatorGrowth(List<SoakSample> samples) {
        Map<String, Long> from = samples.get(samples.size() / 3).stateByOperator();
        Map<String, Long> to = samples.get(samples.size() - 1).stateByOperator();
        List<String> top = to.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - from.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(3)
                .map(e -> String.format(Locale.ROOT, "%s +%s", abbreviate(e.getKey()), mb(e.getValue())))
                .toList();
        return top.isEmpty() ? "(no per-operator figures)" : String.join("; ", top);
    }

    /** Vertex names are whole operator chains; the head names the operator. */
    private static String abbreviate(String name) {
        return name.length() <= 60 ? name : name.substring(0, 57) + "...";
    }

    private static void put(Map<String, List<Double>> series, String name, int index, int size, long value) {
        List<Double> values = series.computeIfAbsent(name, n -> {
            List<Double> empty = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                empty.add(Double.NaN);
            }
            return empty;
        });
        values.set(index, value < 0 ? Double.NaN : (double) value);
    }

    private static List<Double> series(List<SoakSample> samples, ToLongFunction<SoakSample> figure) {
        return samples.stream().map(s -> {
            long value = figure.applyAsLong(s);
            return value < 0 ? Double.NaN : (double) value;
        }).toList();
    }

    private static void verdict(List<String> lines, List<String> grew, String name, Boundedness.Verdict verdict,
            java.util.function.DoubleFunction<String> unit) {
        String figures = String.format(Locale.ROOT, "middle-third peak %s, last-third peak %s, trend %s/min",
                show(verdict.middleMax(), unit), show(verdict.lastMax(), unit),
                Double.isNaN(verdict.growthPerMinute()) ? "n/a" : (verdict.growthPerMinute() >= 0 ? "+" : "-")
                        + unit.apply(Math.abs(verdict.growthPerMinute())));
        String outcome = !verdict.judged() ? "NOT JUDGED (too few samples)" : verdict.bounded() ? "bounded" : "GREW";
        lines.add(String.format(Locale.ROOT, "  %-52s %-10s %s", name, outcome, figures));
        if (verdict.grew()) {
            grew.add(name + " (" + (Double.isNaN(verdict.growthPerMinute()) ? "?" : unit.apply(verdict.growthPerMinute())) + "/min)");
        }
    }

    private static String show(double value, java.util.function.DoubleFunction<String> unit) {
        return Double.isNaN(value) ? "n/a" : unit.apply(value);
    }

    private static String mb(double bytes) {
        return String.format(Locale.ROOT, "%,.1f MB", bytes / MB);
    }

    static String clock(long seconds) {
        return String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
    }

    private static String count(long value) {
        return value < 0 ? "n/a" : String.format(Locale.ROOT, "%,d", value);
    }

    private static String megabytes(long bytes) {
        return bytes < 0 ? "n/a" : mb(bytes);
    }

    private static String megabytesBare(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%,.0f", bytes / MB);
    }

    private static String seconds(long millis) {
        return millis < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
