package dev.lakehouse.stack.chaos;

import dev.lakehouse.replay.DeadLetter;
import dev.lakehouse.replay.KafkaRecordSender;
import dev.lakehouse.replay.RecordSender;
import dev.lakehouse.replay.ReplayOptions;
import dev.lakehouse.replay.ReplayProducer;
import dev.lakehouse.replay.ReplaySummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the replay producer on a thread of its own, as the separate process it is in production, so that a chaos run
 * can kill it mid-file: its Kafka producer is closed at once (what it buffered is lost, what it sent is in Kafka), and
 * the replay runs again from the start of the files, as an operator re-running a failed producer does. Every row up to
 * the kill is then sent a second time; the pipeline's de-duplication must absorb them.
 *
 * <p>A replay that fails by itself (a send that timed out while the broker restarted) is run again the same way, a
 * few times at most, and reported.
 */
final class ReplayDriver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplayDriver.class);
    private static final int MAX_UNPLANNED_RERUNS = 3;

    private final ReplayOptions options;
    private final Properties kafkaProperties;
    private final Thread thread;
    private final Object lock = new Object();
    private final List<String> unplannedReruns = new ArrayList<>();
    private KillableSender current;
    private int runs;
    private ReplaySummary completed;
    private RuntimeException failure;
    private boolean closed;

    ReplayDriver(ReplayOptions options) {
        this.options = options;
        this.kafkaProperties = options.kafkaProperties();
        this.thread = new Thread(this::runUntilComplete, "chaos-replay");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void runUntilComplete() {
        while (true) {
            KillableSender sender;
            synchronized (lock) {
                if (closed) {
                    return;
                }
                sender = new KillableSender(new KafkaRecordSender(options.bootstrapServers(), kafkaProperties));
                current = sender;
                runs++;
                lock.notifyAll();
            }
            try {
                ReplaySummary summary = ReplayProducer.run(options, sender);
                sender.close();
                synchronized (lock) {
                    if (!sender.killed()) {
                        completed = summary;
                        current = null;
                        lock.notifyAll();
                        return;
                    }
                }
            } catch (RuntimeException e) {
                sender.kill();
                if (!sender.killedOnPurpose()) {
                    synchronized (lock) {
                        unplannedReruns.add(e.getMessage());
                        LOG.warn("The replay failed by itself; running it again from the start", e);
                        if (unplannedReruns.size() > MAX_UNPLANNED_RERUNS) {
                            failure = e;
                            current = null;
                            lock.notifyAll();
                            return;
                        }
                    }
                }
            }
        }
    }

    /**
     * Kills the running replay mid-file; it starts again from the start of the files at once. When the replay had
     * already completed, it is run once more in full: every row is then re-sent.
     *
     * @return what was killed, for the report
     */
    String kill() {
        synchronized (lock) {
            if (current == null) {
                if (completed != null && failure == null) {
                    completed = null;
                    Thread rerun = new Thread(this::runUntilComplete, "chaos-replay-rerun");
                    rerun.setDaemon(true);
                    rerun.start();
                    return "producer (replay had finished: run again in full)";
                }
                throw new IllegalStateException("no replay is running");
            }
            long sent = current.sent();
            current.killedOnPurpose = true;
            current.kill();
            return "producer (run " + runs + ", killed after " + sent + " rows sent)";
        }
    }

    /** Waits until a replay run after {@code previousRuns} has sent its first row. */
    void awaitRunningAgain(int previousRuns, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (failure == null && completed == null && !(runs > previousRuns && current != null && current.sent() > 0)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("the replay did not start sending again within " + timeout.toSeconds() + " s");
                }
                lock.wait(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 200));
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    int runs() {
        synchronized (lock) {
            return runs;
        }
    }

    boolean running() {
        synchronized (lock) {
            return current != null;
        }
    }

    /** Replays that failed by themselves and were run again. */
    List<String> unplannedReruns() {
        synchronized (lock) {
            return List.copyOf(unplannedReruns);
        }
    }

    /** Waits for a run that sent every row. */
    ReplaySummary awaitCompletion(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (completed == null && failure == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("the replay did not complete within " + timeout.toSeconds() + " s");
                }
                lock.wait(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 1000));
            }
            if (failure != null) {
                throw new IllegalStateException("the replay failed " + unplannedReruns.size() + " times by itself", failure);
            }
            return completed;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (current != null) {
                current.killedOnPurpose = true;
                current.kill();
            }
        }
    }

    /** A Kafka sender that can be killed from another thread: closed without waiting, every later send fails. */
    private static final class KillableSender implements RecordSender {
        private final KafkaRecordSender delegate;
        private final AtomicLong sent = new AtomicLong();
        private volatile boolean killed;
        private volatile boolean killedOnPurpose;
        private boolean closed;
        private final IllegalStateException killedFailure = new IllegalStateException("the producer was killed");

        private KillableSender(KafkaRecordSender delegate) {
            this.delegate = delegate;
        }

        @Override
        public void send(String topic, byte[] key, byte[] value, long timestampMillis) {
            if (killed) {
                throw killedFailure;
            }
            delegate.send(topic, key, value, timestampMillis);
            sent.incrementAndGet();
        }

        @Override
        public void sendDeadLetter(String topic, DeadLetter deadLetter) {
            if (killed) {
                throw killedFailure;
            }
            delegate.sendDeadLetter(topic, deadLetter);
        }

        @Override
        public void flush() {
            if (!killed) {
                delegate.flush();
            }
        }

        @Override
        public Throwable failure() {
            return killed ? killedFailure : delegate.failure();
        }

        long sent() {
            return sent.get();
        }

        boolean killed() {
            return killed;
        }

        boolean killedOnPurpose() {
            return killedOnPurpose;
        }

        synchronized void kill() {
            if (!killed) {
                killed = true;
                delegate.abort();
            }
        }

        /** A clean close at the end of a run: waits for what is in flight. */
        @Override
        public synchronized void close() {
            if (!killed && !closed) {
                closed = true;
                delegate.close();
            }
        }
    }
}
