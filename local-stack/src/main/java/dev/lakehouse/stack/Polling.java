package dev.lakehouse.stack;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Waits for a condition with a deadline: the stack never sleeps a fixed time in place of checking. */
public final class Polling {
    private static final Duration INTERVAL = Duration.ofMillis(200);

    private Polling() {}

    @FunctionalInterface
    public interface Condition {
        /** True when the wait is over; may throw to abort it (e.g. the job failed). */
        boolean holds() throws Exception;
    }

    /**
     * @param what describes what is awaited, for the timeout message; evaluated only then
     * @throws TimeoutException when the condition does not hold within {@code timeout}
     */
    public static void until(Duration timeout, Supplier<String> what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() - deadline > 0) {
                throw new TimeoutException("timed out after " + timeout.toSeconds() + " s waiting for " + what.get());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(INTERVAL.toMillis()));
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for " + what.get());
            }
        }
    }
}
