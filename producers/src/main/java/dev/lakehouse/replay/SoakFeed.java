package dev.lakehouse.replay;

import dev.lakehouse.contract.DeadLetterHeaders;
import dev.lakehouse.contract.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * An endless, steady feed for soak tests: replays a seeds folder lap after lap, each lap with fresh ids and event
 * time moved forward ({@link LapShift}), at a fixed rate ({@link SteadyPace}) until the duration is over or the
 * calling thread is interrupted. Within a lap rows go out in event-time order, as {@link ReplayProducer} sends them.
 *
 * <p>Counters are readable from other threads while it runs: the soak samples the achieved rate every interval.
 */
public final class SoakFeed {
    /** Parking for less than this is not worth it: the rate is kept on average, in bursts of at most this long. */
    static final long MIN_PARK_NANOS = 1_000_000L;

    /** What a feed did. */
    public record Summary(long rowsSent, long rowsRejected, int laps, Duration elapsed) {
        public double rowsPerSecond() {
            return rowsSent / Math.max(1e-9, elapsed.toNanos() / 1e9);
        }
    }

    private final Path seedsDir;
    private final String topicPrefix;
    private final SteadyPace pace;
    private final Duration duration;
    private final int lapDays;
    private volatile long rowsSent;
    private volatile long rowsRejected;
    private volatile int lap;

    /**
     * @param lapDays the days of event time one lap of the data set spans (366 for the generated data set)
     */
    public SoakFeed(Path seedsDir, String topicPrefix, double rowsPerSecond, Duration duration, int lapDays) {
        this.seedsDir = seedsDir;
        this.topicPrefix = topicPrefix;
        this.pace = new SteadyPace(rowsPerSecond);
        this.duration = duration;
        this.lapDays = lapDays;
    }

    public long rowsSent() {
        return rowsSent;
    }

    public long rowsRejected() {
        return rowsRejected;
    }

    /** The lap being sent, from 0. */
    public int lap() {
        return lap;
    }

    /** Feeds into the sender until the duration is over or the thread is interrupted; the caller closes the sender. */
    public Summary run(RecordSender sender) {
        for (Source source : Source.values()) {
            if (!Files.isRegularFile(seedsDir.resolve(source.fileName()))) {
                throw new SeedFileException("the soak needs all four seed files: " + source.fileName() + " is missing in " + seedsDir);
            }
        }
        String[] topics = new String[Source.values().length];
        for (Source source : Source.values()) {
            topics[source.ordinal()] = source.topic(topicPrefix);
        }
        String deadLetterTopic = DeadLetterHeaders.topic(topicPrefix);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long sent = 0;
        int laps = 0;
        feed:
        for (int n = 0; ; n++) {
            if (n >= LapShift.MAX_LAPS) {
                throw new IllegalStateException("the soak used up the " + LapShift.MAX_LAPS + " laps of fresh ids of " + seedsDir
                        + " after " + sent + " rows: use a larger data set for this rate and duration");
            }
            lap = n;
            laps = n + 1;
            List<SeedFileReader> readers = new ArrayList<>();
            try {
                List<String> names = new ArrayList<>();
                for (Source source : Source.values()) {
                    readers.add(new SeedFileReader(source, seedsDir.resolve(source.fileName()), deadLetter -> {
                        rowsRejected++;
                        sender.sendDeadLetter(deadLetterTopic, deadLetter);
                    }, new LapShift(source, n, lapDays)));
                    names.add(source.fileName());
                }
                EventTimeMerge merge = new EventTimeMerge(names, readers, System.err);
                ReplayRow row;
                while ((row = merge.next()) != null) {
                    long now = System.nanoTime();
                    if (now >= end || Thread.currentThread().isInterrupted()) {
                        break feed;
                    }
                    long wait = start + pace.dueNanos(sent) - now;
                    if (wait >= MIN_PARK_NANOS) {
                        LockSupport.parkNanos(Math.min(wait, end - now));
                        if (System.nanoTime() >= end || Thread.currentThread().isInterrupted()) {
                            break feed;
                        }
                    }
                    sender.send(topics[row.source().ordinal()], row.key(), row.value(), row.eventTimeMillis());
                    Throwable failure = sender.failure();
                    if (failure != null) {
                        throw new ReplayFailedException("sending to Kafka failed after " + sent + " rows: " + failure, failure);
                    }
                    rowsSent = ++sent;
                }
            } catch (IOException e) {
                throw new SeedFileException("cannot read " + seedsDir + ": " + e.getMessage(), e);
            } finally {
                readers.forEach(SeedFileReader::close);
            }
        }
        boolean interrupted = Thread.interrupted(); // the rows sent so far still get delivered
        sender.flush();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (sender.failure() != null) {
            throw new ReplayFailedException("sending to Kafka failed: " + sender.failure(), sender.failure());
        }
        return new Summary(sent, rowsRejected, laps, Duration.ofNanos(System.nanoTime() - start));
    }
}
