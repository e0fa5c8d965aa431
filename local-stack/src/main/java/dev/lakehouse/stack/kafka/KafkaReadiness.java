package dev.lakehouse.stack.kafka;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Waits until a broker really serves requests, not just until its threads are started. */
final class KafkaReadiness {

    private static final long RETRY_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private KafkaReadiness() {
    }

    /** Returns once describeCluster lists at least one broker; fails with the last error at the deadline. */
    static void awaitServing(String bootstrapServers, Properties clientProperties, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastError = null;
        try (Admin admin = KafkaAdmins.open(bootstrapServers, clientProperties, timeout)) {
            while (System.nanoTime() < deadline) {
                long remainingMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                try {
                    int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) remainingMs))
                            .nodes().get(remainingMs, TimeUnit.MILLISECONDS).size();
                    if (brokers > 0) {
                        return;
                    }
                } catch (ExecutionException e) {
                    lastError = e.getCause() instanceof Exception cause ? cause : e;
                } catch (TimeoutException e) {
                    lastError = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Kafka on " + bootstrapServers, e);
                }
                LockSupport.parkNanos(RETRY_PAUSE_NANOS);
            }
        }
        throw new IllegalStateException("Kafka broker on " + bootstrapServers + " did not answer describeCluster within "
                + timeout.toSeconds() + " s" + (lastError == null ? "" : ": " + lastError), lastError);
    }
}
