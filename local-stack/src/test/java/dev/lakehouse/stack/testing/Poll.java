package dev.lakehouse.stack.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or a deadline passes; tests never sleep for a fixed time. */
public final class Poll {

    private Poll() {
    }

    public static void until(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            // A short pause between attempts, so cheap checks do not spin a core.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        if (!condition.getAsBoolean()) {
            throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for: " + what);
        }
    }
}
