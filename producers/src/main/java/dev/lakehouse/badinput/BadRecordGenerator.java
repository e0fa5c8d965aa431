package dev.lakehouse.badinput;

import dev.lakehouse.contract.Source;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * A deterministic mix of bad records over the four source topics: the same seed gives the same bytes. The first
 * records cover every applicable (kind, source) pair once, in a seeded order, so a few hundred records hold every
 * kind; the rest are drawn uniformly from the pairs, except the 5 MiB record, which stays at one per source.
 * Records are made one at a time, so a large count does not sit in memory.
 */
public final class BadRecordGenerator {
    private final long seed;
    private final int maxRecordBytes;
    private final LocalDateTime eventTime;

    /**
     * @param maxRecordBytes the bronze job's {@code --max-record-bytes}: where the size-limit kinds sit
     * @param eventTime the event time of row-shaped records
     */
    public BadRecordGenerator(long seed, int maxRecordBytes, LocalDateTime eventTime) {
        this.seed = seed;
        this.maxRecordBytes = maxRecordBytes;
        this.eventTime = eventTime;
    }

    /** Every (kind, source) pair the generator makes. */
    public static List<Pair> pairs() {
        List<Pair> pairs = new ArrayList<>();
        for (BadRecordKind kind : BadRecordKind.values()) {
            for (Source source : Source.values()) {
                if (kind.appliesTo(source)) {
                    pairs.add(new Pair(kind, source));
                }
            }
        }
        return List.copyOf(pairs);
    }

    public Iterator<BadRecord> records(long count) {
        Random random = new Random(seed);
        List<Pair> firstRound = new ArrayList<>(pairs());
        Collections.shuffle(firstRound, random);
        List<Pair> repeatable = firstRound.stream().filter(pair -> pair.kind() != BadRecordKind.HUGE_5MB).toList();
        return new Iterator<>() {
            private long index;

            @Override
            public boolean hasNext() {
                return index < count;
            }

            @Override
            public BadRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Pair pair = index < firstRound.size() ? firstRound.get((int) index) : repeatable.get(random.nextInt(repeatable.size()));
                String primaryKey = GoodRows.primaryKey(pair.source(), seed, index);
                byte[] value = pair.kind().value(pair.source(), new BadRecordContext(random, primaryKey, eventTime, maxRecordBytes));
                return new BadRecord(index++, pair.kind(), pair.source(), value, primaryKey);
            }
        };
    }

    public List<BadRecord> all(long count) {
        List<BadRecord> all = new ArrayList<>();
        records(count).forEachRemaining(all::add);
        return all;
    }

    public record Pair(BadRecordKind kind, Source source) {}
}
