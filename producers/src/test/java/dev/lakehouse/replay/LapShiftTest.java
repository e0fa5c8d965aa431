package dev.lakehouse.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.contract.ParseResult;
import dev.lakehouse.contract.RowParser;
import dev.lakehouse.contract.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

class LapShiftTest {
    private static final List<String> EVENT = List.of("EVT000000001", "CUST031676", "SESS00000002", "page_view",
            "2024-01-01 07:46:03", "https://shop.example.com/new-arrivals", "", "", "direct", "mobile", "Mozilla/5.0 (X, Y)",
            "201.130.200.76");
    private static final List<String> PAYMENT = List.of("TXN000000004", "ORD000437454", "CUST086319", "bank_transfer", "completed",
            "785.85", "EUR", "2024-12-31 20:16:11", "00", "20.59", "MERCH9832", "FR", "52.83");
    private static final List<String> SNAPSHOT = List.of("SNAP000000001", "PROD00862", "WH006", "2024-02-28", "647", "206", "441",
            "172", "531", "SUP0034", "2023-12-24", "361.31");
    private static final List<String> TICKET = List.of("TKT00000002", "CUST086319", "ORD000437454", "order_issue", "high", "closed",
            "2024-01-02 12:26:14", "2024-01-03 07:01:24", "2024-01-12 13:52:52", "AGENT085", "1",
            "Wrong item received in order ORD000437454", "chat");

    @Test
    void lapZeroIsTheDataSetAsItIs() {
        assertThat(new LapShift(Source.CUSTOMER_EVENTS, 0, 366).apply(EVENT)).isEqualTo(EVENT);
    }

    @Test
    void aLapRaisesEveryPerOccurrenceIdAndMovesTimeButKeepsCustomersAndProducts() {
        List<String> event = new LapShift(Source.CUSTOMER_EVENTS, 1, 366).apply(EVENT);
        assertThat(event.get(0)).isEqualTo("EVT010000001");
        assertThat(event.get(1)).isEqualTo("CUST031676");
        assertThat(event.get(2)).isEqualTo("SESS01000002");
        assertThat(event.get(4)).isEqualTo("2025-01-01 07:46:03");

        List<String> payment = new LapShift(Source.PAYMENT_TRANSACTIONS, 3, 366).apply(PAYMENT);
        assertThat(payment.subList(0, 3)).containsExactly("TXN030000004", "ORD030437454", "CUST086319");
        assertThat(payment.get(7)).isEqualTo("2028-01-03 20:16:11"); // 3 × 366 days after 2024-12-31

        List<String> snapshot = new LapShift(Source.INVENTORY_SNAPSHOTS, 2, 366).apply(SNAPSHOT);
        assertThat(snapshot.subList(0, 4)).containsExactly("SNAP020000001", "PROD00862", "WH006", "2026-03-01");
        assertThat(snapshot.get(10)).isEqualTo("2025-12-25");
    }

    @Test
    void aTicketKeepsReferringToItsOrderOfTheSameLap() {
        List<String> ticket = new LapShift(Source.SUPPORT_TICKETS, 1, 366).apply(TICKET);
        List<String> payment = new LapShift(Source.PAYMENT_TRANSACTIONS, 1, 366).apply(PAYMENT);
        assertThat(ticket.get(0)).isEqualTo("TKT01000002");
        assertThat(ticket.get(2)).isEqualTo(payment.get(1));
        assertThat(ticket.get(11)).isEqualTo("Wrong item received in order " + payment.get(1));
        assertThat(ticket.subList(6, 9)).containsExactly("2025-01-02 12:26:14", "2025-01-03 07:01:24", "2025-01-12 13:52:52");
    }

    @Test
    void shiftedRowsStillSatisfyTheContract() {
        RowParser parser = new RowParser();
        int last = LapShift.MAX_LAPS - 1;
        assertThat(parser.parseFields(Source.CUSTOMER_EVENTS, new LapShift(Source.CUSTOMER_EVENTS, last, 366).apply(EVENT)))
                .isInstanceOf(ParseResult.Accepted.class);
        assertThat(parser.parseFields(Source.PAYMENT_TRANSACTIONS, new LapShift(Source.PAYMENT_TRANSACTIONS, last, 366).apply(PAYMENT)))
                .isInstanceOf(ParseResult.Accepted.class);
        assertThat(parser.parseFields(Source.INVENTORY_SNAPSHOTS, new LapShift(Source.INVENTORY_SNAPSHOTS, last, 366).apply(SNAPSHOT)))
                .isInstanceOf(ParseResult.Accepted.class);
        assertThat(parser.parseFields(Source.SUPPORT_TICKETS, new LapShift(Source.SUPPORT_TICKETS, last, 366).apply(TICKET)))
                .isInstanceOf(ParseResult.Accepted.class);
        assertThat(new LapShift(Source.CUSTOMER_EVENTS, last, 366).apply(EVENT).get(0)).isEqualTo("EVT990000001").hasSize(12);
    }

    @Test
    void idsOfDifferentLapsNeverMeet() {
        LapShift lapOne = new LapShift(Source.CUSTOMER_EVENTS, 1, 366);
        LapShift lapTwo = new LapShift(Source.CUSTOMER_EVENTS, 2, 366);
        // The largest id lap 1 can produce stays below the smallest of lap 2.
        assertThat(lapOne.shiftId("EVT009999999")).isEqualTo("EVT019999999");
        assertThat(lapTwo.shiftId("EVT000000000")).isEqualTo("EVT020000000");
    }

    @Test
    void anIdTooLargeForTheLapsIsAClearError() {
        assertThatThrownBy(() -> new LapShift(Source.CUSTOMER_EVENTS, 1, 366).shiftId("EVT010000000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too large");
        assertThatThrownBy(() -> new LapShift(Source.CUSTOMER_EVENTS, LapShift.MAX_LAPS, 366))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no room for more laps");
    }

    @Test
    void fieldsThatAreNotIdsOrTimesAreLeftForTheParserToJudge() {
        LapShift shift = new LapShift(Source.CUSTOMER_EVENTS, 1, 366);
        assertThat(shift.shiftId("not-an-id")).isEqualTo("not-an-id");
        assertThat(shift.apply(List.of("EVT000000001", "CUST000001"))).containsExactly("EVT010000001", "CUST000001");
        List<String> badTime = new java.util.ArrayList<>(EVENT);
        badTime.set(4, "yesterday");
        assertThat(shift.apply(badTime).get(4)).isEqualTo("yesterday");
    }
}
