package dev.lakehouse.stack.chaos;

import dev.lakehouse.replay.DeadLetter;
import dev.lakehouse.replay.KafkaRecordSender;
import dev.lakehouse.replay.RecordSender;
import dev.lakehouse.replay.ReplayOptions;
import dev.lakehouse.replay.ReplayProducer;
import dev.lakehouse.replay.ReplaySpeed;
import dev.lakehouse.replay.ReplaySummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
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
 *
 * <p>The pace is the driver's, not the producer's: a row is due when its event time, sped up by the pace factor, is
 * reached on a clock that the chaos run can pause while the pipeline recovers from a slow fault, so that the replay is
 * still running when the next fault comes. The clock does not restart with a run: a run after a kill sends the rows
 * already due at once (the duplicates) and then goes on at the pace.
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

    private final ReplayClock clock;

    /**
     * @param options the replay, at {@code max} speed: the driver paces it
     * @param pace the speed-up of event time
     * @param firstEventTimeMillis the event time of the first row, due at once
     */
    ReplayDriver(ReplayOptions options, ReplaySpeed pace, long firstEventTimeMillis) {
        this.options = options;
        this.clock = new ReplayClock(pace, firstEventTimeMillis);
        this.kafkaProperties = options.kafkaProperties();
        this.thread = new Thread(this::runUntilComplete, "chaos-replay");
        this.thread.setDaemon(true);
    }

    void start() {
        clock.start();
        thread.start();
    }

    /** Stops the pace: no row becomes due until {@link #resumePace()}. */
    void pausePace() {
        clock.pause();
    }

    void resumePace() {
        clock.resume();
    }

    /**
     * Pauses the pace, waits until the producer has sent every row that was due and is parked, and until Kafka has
     * acknowledged them: nothing is in flight. Before a broker restart: an idempotent producer whose batches are in
     * flight across a restart was seen to retry one the broker had already written, get
     * {@code OutOfOrderSequenceException} until its delivery timeout (2 min) and fail, while its other partitions went
     * on — the event time of the stalled partitions then fell behind the watermark and silver counted their rows as
     * late (see the README's Chaos section).
     */
    void pauseAndFlush(Duration timeout) throws Exception {
        clock.pause();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            KillableSender sender;
            synchronized (lock) {
                sender = current;
            }
            if (sender == null || sender.killed() || sender.waiting) {
                if (sender != null && !sender.killed()) {
                    sender.flush();
                }
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the producer did not finish sending the rows due within " + timeout.toSeconds() + " s");
            }
            LockSupport.parkNanos(20_000_000L);
        }
    }

    /** Replay time: time since the start, less the pauses. */
    Duration paceElapsed() {
        return Duration.ofNanos(clock.elapsedNanos());
    }

    /** Waits until the replay time reaches {@code at}: the plan is a schedule in replay time, not a condition. */
    void awaitPace(Duration at) throws InterruptedException {
        for (long wait = at.toNanos() - clock.elapsedNanos(); wait > 0; wait = at.toNanos() - clock.elapsedNanos()) {
            LockSupport.parkNanos(Math.min(wait, 100_000_000L));
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for the next fault");
            }
        }
    }

    private void runUntilComplete() {
        while (true) {
            KillableSender sender;
            synchronized (lock) {
                if (closed) {
                    return;
                }
                sender = new KillableSender(new KafkaRecordSender(options.bootstrapServers(), kafkaProperties), clock);
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

    /** When a row is due: event time since the first row, sped up, on a clock that can be paused. */
    private static final class ReplayClock {
        private final ReplaySpeed pace;
        private final long firstEventTimeMillis;
        private long startNanos;
        private long pausedNanos;
        private long pausedSince = -1;

        private ReplayClock(ReplaySpeed pace, long firstEventTimeMillis) {
            this.pace = pace;
            this.firstEventTimeMillis = firstEventTimeMillis;
        }

        synchronized void start() {
            startNanos = System.nanoTime();
        }

        synchronized void pause() {
            if (pausedSince < 0) {
                pausedSince = System.nanoTime();
            }
        }

        synchronized void resume() {
            if (pausedSince >= 0) {
                pausedNanos += System.nanoTime() - pausedSince;
                pausedSince = -1;
            }
        }

        synchronized long elapsedNanos() {
            long now = pausedSince >= 0 ? pausedSince : System.nanoTime();
            return now - startNanos - pausedNanos;
        }

        /** Nanoseconds until the row is due; 0 or less when it is. */
        synchronized long untilDue(long eventTimeMillis) {
            return pace.sendOffsetNanos(eventTimeMillis, firstEventTimeMillis) - elapsedNanos();
        }
    }

    /** A Kafka sender that can be killed from another thread: closed without waiting, every later send fails. */
    private static final class KillableSender implements RecordSender {
        private static final long MAX_WAIT_NANOS = 50_000_000L;
        private final KafkaRecordSender delegate;
        private final ReplayClock clock;
        private final AtomicLong sent = new AtomicLong();
        private volatile boolean killed;
        private volatile boolean killedOnPurpose;
        /** Parked until the next row is due: with the pace paused, nothing more is sent until it resumes. */
        private volatile boolean waiting;
        private boolean closed;
        private final IllegalStateException killedFailure = new IllegalStateException("the producer was killed");

        private KillableSender(KafkaRecordSender delegate, ReplayClock clock) {
            this.delegate = delegate;
            this.clock = clock;
        }

        @Override
        public void send(String topic, byte[] key, byte[] value, long timestampMillis) {
            for (long wait = clock.untilDue(timestampMillis); wait > 0 && !killed; wait = clock.untilDue(timestampMillis)) {
                waiting = true;
                LockSupport.parkNanos(Math.min(wait, MAX_WAIT_NANOS));
            }
            waiting = false;
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
