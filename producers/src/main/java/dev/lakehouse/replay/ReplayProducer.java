package dev.lakehouse.replay;

import dev.lakehouse.contract.DeadLetterHeaders;
import dev.lakehouse.contract.Source;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Replays a seeds folder into Kafka: the four contract files merged in event-time order, each row to
 * {@code prefix + source name} keyed by its Kafka key, timestamped with its event time. Rows that break the
 * contract are reported, counted and sent to the dead-letter topic; they never stop the replay. A failed
 * send does: the replay flushes what it can and throws {@link ReplayFailedException}.
 *
 * <p>Interrupting the calling thread stops the replay early; what was sent is flushed and summarised.
 */
public final class ReplayProducer {
    private static final long PROGRESS_INTERVAL_NANOS = 200_000_000L;
    /** Beyond this many, rejected rows are still counted and dead-lettered but no longer printed. */
    private static final int MAX_PRINTED_REJECTIONS = 1000;

    private final ReplayOptions options;
    private final RecordSender sender;
    private final PrintStream diagnostics;
    private final String deadLetterTopic;
    private final String[] topics = new String[Source.values().length];
    private final long[] sentPerSource = new long[Source.values().length];
    private final List<SeedFileReader> readers = new ArrayList<>();
    private long rejected;
    private long sent;
    private long startNanos;
    private long lastProgressNanos;
    private long firstEventTime;
    private long lastEventTime = -1;
    private long totalFileBytes;

    private ReplayProducer(ReplayOptions options, RecordSender sender) {
        this.options = options;
        this.sender = sender;
        this.diagnostics = options.diagnostics();
        this.deadLetterTopic = DeadLetterHeaders.topic(options.topicPrefix());
        for (Source source : Source.values()) {
            topics[source.ordinal()] = source.topic(options.topicPrefix());
        }
    }

    /** Replays into the Kafka cluster the options name. */
    public static ReplaySummary run(ReplayOptions options) {
        try (KafkaRecordSender kafka = new KafkaRecordSender(options.bootstrapServers(), options.kafkaProperties())) {
            return run(options, kafka);
        }
    }

    /** Replays into any sender; the caller closes it. */
    public static ReplaySummary run(ReplayOptions options, RecordSender sender) {
        return new ReplayProducer(options, sender).replay();
    }

    private ReplaySummary replay() {
        startNanos = System.nanoTime();
        List<String> skipped = new ArrayList<>();
        try {
            EventTimeMerge merge = openFiles(skipped);
            boolean interrupted = sendAll(merge);
            Thread.interrupted(); // clear the flag for the flush: the rows sent so far still get delivered
            sender.flush();
            failIfSendFailed();
            report();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return summary(skipped, interrupted);
        } finally {
            readers.forEach(SeedFileReader::close);
        }
    }

    private EventTimeMerge openFiles(List<String> skipped) {
        if (!Files.isDirectory(options.seedsDir())) {
            throw new SeedFileException("seeds folder " + options.seedsDir() + " does not exist");
        }
        List<String> names = new ArrayList<>();
        for (Source source : Source.values()) {
            Path file = options.seedsDir().resolve(source.fileName());
            if (!Files.isRegularFile(file)) {
                diagnostics.printf("warning: %s not found in %s: skipping %s%n", source.fileName(),
                        options.seedsDir(), source.sourceName());
                skipped.add(source.fileName());
                continue;
            }
            try {
                totalFileBytes += Files.size(file);
                SeedFileReader reader = new SeedFileReader(source, file, this::deadLetter);
                readers.add(reader);
                String note = reader.headerNote();
                if (note != null) {
                    diagnostics.printf("note: %s has another header than the contract's: %s%n", source.fileName(), note);
                }
            } catch (IOException e) {
                throw new SeedFileException("cannot read " + file + ": " + e.getMessage(), e);
            }
            names.add(source.fileName());
        }
        if (readers.isEmpty()) {
            throw new SeedFileException("no seed files in " + options.seedsDir() + ": expected any of "
                    + String.join(", ", skipped));
        }
        return new EventTimeMerge(names, readers, diagnostics);
    }

    /** @return whether the thread was interrupted before the end */
    private boolean sendAll(EventTimeMerge merge) {
        long limit = options.limit().orElse(Long.MAX_VALUE);
        ReplaySpeed speed = options.speed();
        ReplayRow row;
        while (sent < limit && (row = merge.next()) != null) {
            if (sent == 0) {
                firstEventTime = row.eventTimeMillis();
            }
            if (!speed.isMax() && !waitUntilDue(speed.sendOffsetNanos(row.eventTimeMillis(), firstEventTime))) {
                return true;
            }
            try {
                if (row.columns() == null) {
                    sender.send(topics[row.source().ordinal()], row.key(), row.value(), row.eventTimeMillis());
                } else {
                    sender.send(topics[row.source().ordinal()], row.key(), row.value(), row.eventTimeMillis(), row.columns());
                }
            } catch (RuntimeException e) {
                throw sendFailed(e);
            }
            // Checked per row: a send can fail at once (no metadata) and Kafka reports it via the callback.
            failIfSendFailed();
            sentPerSource[row.source().ordinal()]++;
            sent++;
            lastEventTime = row.eventTimeMillis();
            if ((sent & 255) == 0) {
                if (Thread.currentThread().isInterrupted()) {
                    return true;
                }
                reportIfDue();
            }
        }
        return false;
    }

    /** Sleeps until {@code offsetNanos} after the start, reporting progress meanwhile; false if interrupted. */
    private boolean waitUntilDue(long offsetNanos) {
        long due = startNanos + offsetNanos;
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(Math.min(wait, PROGRESS_INTERVAL_NANOS));
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
            reportIfDue();
        }
        return true;
    }

    private void deadLetter(DeadLetter deadLetter) {
        rejected++;
        if (rejected <= MAX_PRINTED_REJECTIONS) {
            diagnostics.printf("%s:%d: %s %s%n", deadLetter.fileName(), deadLetter.line(), deadLetter.reason().code(),
                    deadLetter.detail());
        } else if (rejected == MAX_PRINTED_REJECTIONS + 1) {
            diagnostics.printf("(more than %d rejected rows: further ones are counted and dead-lettered, not printed)%n",
                    MAX_PRINTED_REJECTIONS);
        }
        try {
            sender.sendDeadLetter(deadLetterTopic, deadLetter);
        } catch (RuntimeException e) {
            throw sendFailed(e);
        }
    }

    private void failIfSendFailed() {
        Throwable failure = sender.failure();
        if (failure != null) {
            throw sendFailed(failure);
        }
    }

    /** Flushes what is still in flight, then describes the failure. */
    private ReplayFailedException sendFailed(Throwable cause) {
        try {
            sender.flush();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
        return new ReplayFailedException("sending to Kafka at " + options.bootstrapServers() + " failed after "
                + sent + " rows: " + cause, cause);
    }

    private void reportIfDue() {
        long now = System.nanoTime();
        if (now - lastProgressNanos >= PROGRESS_INTERVAL_NANOS) {
            lastProgressNanos = now;
            report();
        }
    }

    private void report() {
        options.progressListener().onProgress(new ReplayProgress(sent, rejected, estimatedTotalRows(), lastEventTime,
                Duration.ofNanos(System.nanoTime() - startNanos)));
    }

    /** Rows sent so far scaled by the share of bytes read; capped by the limit. */
    private long estimatedTotalRows() {
        long bytesRead = 0;
        for (SeedFileReader reader : readers) {
            bytesRead += reader.bytesRead();
        }
        long estimate = bytesRead > 0 && sent > 0 ? (long) (sent * ((double) totalFileBytes / bytesRead)) : -1;
        if (options.limit().isPresent()) {
            long limit = options.limit().getAsLong();
            estimate = estimate < 0 ? limit : Math.min(estimate, limit);
        }
        return estimate < 0 ? -1 : Math.max(estimate, sent);
    }

    private ReplaySummary summary(List<String> skipped, boolean interrupted) {
        Map<String, Long> perTopic = new LinkedHashMap<>();
        for (SeedFileReader reader : readers) {
            int source = reader.source().ordinal();
            perTopic.put(topics[source], sentPerSource[source]);
        }
        return new ReplaySummary(perTopic, rejected, skipped, Duration.ofNanos(System.nanoTime() - startNanos),
                eventTime(firstEventTime), eventTime(lastEventTime), interrupted);
    }

    private Optional<Instant> eventTime(long millis) {
        return sent == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }
}
