package dev.lakehouse.stack.freshness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the freshness benchmark measured: the produce → visible times of its probes, judged against the target
 * of twice the checkpoint interval plus 5 s (a row waits at most one interval for its checkpoint, the commit and
 * the next poll take the rest).
 */
public record FreshnessFigures(List<Double> seconds, Duration checkpointInterval) {
    static final Duration TARGET_MARGIN = Duration.ofSeconds(5);

    public FreshnessFigures {
        List<Double> sorted = new ArrayList<>(seconds);
        Collections.sort(sorted);
        seconds = List.copyOf(sorted);
    }

    public Duration target() {
        return checkpointInterval.multipliedBy(2).plus(TARGET_MARGIN);
    }

    /** Nearest rank: the smallest time that at least {@code fraction} of the probes did not exceed. */
    public double percentile(double fraction) {
        if (seconds.isEmpty()) {
            throw new IllegalStateException("no probe became visible");
        }
        int rank = (int) Math.ceil(fraction * seconds.size());
        return seconds.get(Math.max(0, Math.min(seconds.size() - 1, rank - 1)));
    }

    public boolean meetsTarget() {
        return !seconds.isEmpty() && percentile(0.95) <= target().toMillis() / 1000.0;
    }

    public String summary() {
        if (seconds.isEmpty()) {
            return "freshness: no probe became visible";
        }
        return String.format("freshness (produce → visible in gold.customer_summary through Trino), %d probes: "
                        + "p50 %.1f s, p95 %.1f s, max %.1f s; target p95 ≤ %.1f s (2 × checkpoint interval + %d s): %s",
                seconds.size(), percentile(0.50), percentile(0.95), seconds.get(seconds.size() - 1),
                target().toMillis() / 1000.0, TARGET_MARGIN.toSeconds(), meetsTarget() ? "met" : "NOT met");
    }
}
