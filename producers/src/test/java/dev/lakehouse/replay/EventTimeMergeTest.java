package dev.lakehouse.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.contract.Source;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTimeMergeTest {

    /** Rows of one file: event times in file order; the line number identifies each row. */
    private static RowSource file(Source source, long... eventTimes) {
        List<ReplayRow> rows = new ArrayList<>();
        for (int i = 0; i < eventTimes.length; i++) {
            rows.add(new ReplayRow(source, eventTimes[i], new byte[0], new byte[0], i + 2, null));
        }
        Iterator<ReplayRow> iterator = rows.iterator();
        return () -> iterator.hasNext() ? iterator.next() : null;
    }

    private static List<String> drain(EventTimeMerge merge) {
        List<String> order = new ArrayList<>();
        for (ReplayRow row = merge.next(); row != null; row = merge.next()) {
            order.add(row.source().sourceName().charAt(0) + "" + row.line() + "@" + row.eventTimeMillis());
        }
        return order;
    }

    @Test
    void mergesSortedFilesInEventTimeOrderWithTiesToTheFirstFile() {
        EventTimeMerge merge = new EventTimeMerge(List.of("c", "p", "i"), List.of(
                file(Source.CUSTOMER_EVENTS, 1, 5, 5, 9),
                file(Source.PAYMENT_TRANSACTIONS, 2, 5, 10),
                file(Source.INVENTORY_SNAPSHOTS)), System.err);
        assertThat(drain(merge)).containsExactly("c2@1", "p2@2", "c3@5", "c4@5", "p3@5", "c5@9", "p4@10");
    }

    @Test
    void sortsTheRestOfAnUnsortedFileInMemoryStablyAndWarns() {
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        EventTimeMerge merge = new EventTimeMerge(List.of("customer_events.csv", "payment_transactions.csv"), List.of(
                file(Source.CUSTOMER_EVENTS, 3, 8),
                file(Source.PAYMENT_TRANSACTIONS, 1, 9, 4, 7, 4, 2)),
                new PrintStream(warnings, true, StandardCharsets.UTF_8));
        // The disorder shows when line 4 is read, after line 3 (time 9) was sent; the rest comes sorted, ties in file order.
        assertThat(drain(merge)).containsExactly("p2@1", "c2@3", "c3@8", "p3@9", "p7@2", "p4@4", "p6@4", "p5@7");
        assertThat(warnings.toString(StandardCharsets.UTF_8))
                .contains("payment_transactions.csv is not sorted by event time (line 4 is earlier than line 3)")
                .contains("the 2 rows already sent");
    }
}
