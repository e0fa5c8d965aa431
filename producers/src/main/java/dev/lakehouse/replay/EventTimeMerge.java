package dev.lakehouse.replay;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Merges the rows of several files into one stream in event-time order (k-way merge; ties go to the file
 * listed first). Each file is expected sorted by event time and is read streaming. When a file turns out
 * not to be sorted, its remaining rows are loaded into memory and sorted (stably, by event time); rows of
 * that file already sent stay as they were, so the warning says how many.
 */
final class EventTimeMerge {
    private static final Comparator<ReplayRow> BY_EVENT_TIME = Comparator.comparingLong(ReplayRow::eventTimeMillis);

    /** One input file: its current head row and where the following rows come from. */
    private static final class Lane {
        final String fileName;
        RowSource rows;
        ReplayRow head;
        long taken;
        boolean sortedInMemory;

        Lane(String fileName, RowSource rows) {
            this.fileName = fileName;
            this.rows = rows;
        }
    }

    /** The in-memory fallback: rows sorted by event time, stable. */
    private static final class SortedRows implements RowSource {
        private final List<ReplayRow> rows;
        private int next;

        SortedRows(List<ReplayRow> rows) {
            rows.sort(BY_EVENT_TIME);
            this.rows = rows;
        }

        @Override
        public ReplayRow next() {
            if (next == rows.size()) {
                return null;
            }
            ReplayRow row = rows.get(next);
            rows.set(next++, null); // let sent rows be collected
            return row;
        }
    }

    private final Lane[] lanes;
    private final PrintStream warnings;

    /** @param files name and rows of each input, in tie-break order */
    EventTimeMerge(List<String> fileNames, List<? extends RowSource> files, PrintStream warnings) {
        this.warnings = warnings;
        this.lanes = new Lane[files.size()];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new Lane(fileNames.get(i), files.get(i));
        }
        for (Lane lane : lanes) {
            lane.head = lane.rows.next();
        }
    }

    /** The row with the earliest event time among the files' heads, or {@code null} when all are done. */
    ReplayRow next() {
        Lane earliest = null;
        for (Lane lane : lanes) {
            if (lane.head != null && (earliest == null || lane.head.eventTimeMillis() < earliest.head.eventTimeMillis())) {
                earliest = lane;
            }
        }
        if (earliest == null) {
            return null;
        }
        ReplayRow row = earliest.head;
        earliest.taken++;
        advance(earliest, row);
        return row;
    }

    private void advance(Lane lane, ReplayRow previous) {
        ReplayRow next = lane.rows.next();
        if (next != null && next.eventTimeMillis() < previous.eventTimeMillis() && !lane.sortedInMemory) {
            warnings.printf("warning: %s is not sorted by event time (line %d is earlier than line %d): "
                            + "sorting its remaining rows in memory; the %,d rows already sent stay in file order%n",
                    lane.fileName, next.line(), previous.line(), lane.taken);
            List<ReplayRow> rest = new ArrayList<>();
            for (ReplayRow row = next; row != null; row = lane.rows.next()) {
                rest.add(row);
            }
            lane.rows = new SortedRows(rest);
            lane.sortedInMemory = true;
            next = lane.rows.next();
        }
        lane.head = next;
    }
}
