package dev.lakehouse.seeds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Holds generated rows until their day is complete, then writes them in event-time order. A row generated
 * on one day may fall on the next (a session past midnight, a payment after a late purchase): it stays
 * here until that day is flushed, so every file comes out sorted while only about a day is held in memory.
 */
final class TimeOrderedBuffer {
    private static final Comparator<PendingRow> ORDER =
            Comparator.comparingLong(PendingRow::epochSecond).thenComparingLong(PendingRow::sequence);

    private record PendingRow(long epochSecond, long sequence, String[] fields) {}

    private final SeedFileWriter writer;
    private List<PendingRow> pending = new ArrayList<>();
    private long sequence;

    TimeOrderedBuffer(SeedFileWriter writer) {
        this.writer = writer;
    }

    /** Adds a row whose primary key is still unset; ties on time keep the order rows were added in. */
    void add(long epochSecond, String[] fields) {
        pending.add(new PendingRow(epochSecond, sequence++, fields));
    }

    /** Writes, in order, every row earlier than {@code endSecond}; keeps the rest. */
    void flushBefore(long endSecond) {
        pending.sort(ORDER);
        List<PendingRow> later = new ArrayList<>();
        for (PendingRow row : pending) {
            if (row.epochSecond < endSecond) {
                writer.write(row.fields);
            } else {
                later.add(row);
            }
        }
        pending = later;
    }

    void flushAll() {
        flushBefore(Long.MAX_VALUE);
    }
}
