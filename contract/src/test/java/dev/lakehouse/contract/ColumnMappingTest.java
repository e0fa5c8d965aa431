package dev.lakehouse.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The header rules of schema evolution: columns matched by name, extras kept, missing required ones rejected. */
class ColumnMappingTest {
    private static final Source EVENTS = Source.CUSTOMER_EVENTS;
    private static final List<String> EVENT = List.of("EVT1", "CUST1", "SESS1", "page_view", "2024-03-05 14:07:09", "/home", "",
            "", "google", "mobile", "UA", "10.1.2.3");

    private final RowParser parser = new RowParser();

    @Test
    void theContractHeaderMapsOneToOne() {
        ColumnMapping mapping = ColumnMapping.of(EVENTS, EVENTS.header());

        assertThat(mapping.isContractHeader()).isTrue();
        assertThat(mapping.problem()).isNull();
        assertThat(mapping.extraNames()).isEmpty();
        ParseResult.Accepted accepted = (ParseResult.Accepted) parser.parseFields(mapping, EVENT);
        assertThat(accepted.row()).isEqualTo(((ParseResult.Accepted) parser.parseFields(EVENTS, EVENT)).row());
        assertThat(accepted.extraColumns()).isEmpty();
    }

    @Test
    void anAddedColumnIsKeptAsTextAndEmptyReadsAsNull() {
        ColumnMapping mapping = ColumnMapping.of(EVENTS, with(EVENTS.header(), "coupon_code", "campaign"));

        assertThat(mapping.isContractHeader()).isFalse();
        assertThat(mapping.problem()).isNull();
        assertThat(mapping.extraNames()).containsExactly("coupon_code", "campaign");
        ParseResult.Accepted accepted = (ParseResult.Accepted) parser.parseFields(mapping, with(EVENT, "SAVE10", ""));
        assertThat(accepted.row().primaryKey()).isEqualTo("EVT1");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("coupon_code", "SAVE10");
        expected.put("campaign", null);
        assertThat(accepted.extraColumns()).containsExactlyEntriesOf(expected);
    }

    @Test
    void columnsAreMatchedByNameInAnyOrder() {
        List<String> header = new ArrayList<>(EVENTS.header());
        List<String> fields = new ArrayList<>(EVENT);
        java.util.Collections.reverse(header);
        java.util.Collections.reverse(fields);

        ParseResult.Accepted accepted = (ParseResult.Accepted) parser.parseFields(ColumnMapping.of(EVENTS, header), fields);

        assertThat(accepted.row().primaryKey()).isEqualTo("EVT1");
        assertThat(accepted.row().value(4)).isEqualTo(LocalDateTime.of(2024, 3, 5, 14, 7, 9));
    }

    @Test
    void aMissingOptionalColumnReadsAsNull() {
        List<String> header = without(EVENTS.header(), "ip_address");
        ParseResult.Accepted accepted = (ParseResult.Accepted) parser.parseFields(ColumnMapping.of(EVENTS, header),
                EVENT.subList(0, EVENT.size() - 1));

        assertThat(accepted.row().value(EVENTS.columnIndex("ip_address"))).isNull();
    }

    @Test
    void aMissingRequiredColumnRejectsEveryRowNamingTheColumn() {
        ColumnMapping mapping = ColumnMapping.of(EVENTS, without(EVENTS.header(), "customer_id"));

        assertThat(mapping.problem().reason()).isEqualTo(RejectReason.MISSING_COLUMN);
        assertThat(mapping.problem().detail()).contains("customer_id").contains("customer_events");
        ParseResult result = parser.parseFields(mapping, without(EVENT, "CUST1"));
        assertThat(result).isInstanceOf(ParseResult.Rejected.class);
        assertThat(((ParseResult.Rejected) result).describe()).startsWith("missing_column: no column customer_id");
    }

    @Test
    void theEventTimeAndThePrimaryKeyAreRequiredToo() {
        assertThat(ColumnMapping.of(EVENTS, without(EVENTS.header(), "event_timestamp")).problem().detail())
                .contains("event_timestamp");
        assertThat(ColumnMapping.of(EVENTS, without(EVENTS.header(), "event_id", "session_id")).problem().detail())
                .contains("event_id, session_id");
    }

    @Test
    void unusableNamesAreABadHeader() {
        assertThat(reason(with(EVENTS.header(), "event_id"))).isEqualTo(RejectReason.BAD_HEADER); // twice
        assertThat(reason(with(EVENTS.header(), "Coupon"))).isEqualTo(RejectReason.BAD_HEADER);
        assertThat(reason(with(EVENTS.header(), ""))).isEqualTo(RejectReason.BAD_HEADER);
        assertThat(reason(with(EVENTS.header(), "kafka_offset"))).isEqualTo(RejectReason.BAD_HEADER);
        assertThat(reason(with(EVENTS.header(), "x".repeat(65)))).isEqualTo(RejectReason.BAD_HEADER);
        assertThat(reason(List.of())).isEqualTo(RejectReason.BAD_HEADER);
    }

    @Test
    void aRowWithAnotherFieldCountThanItsHeaderIsRejected() {
        ColumnMapping mapping = ColumnMapping.of(EVENTS, with(EVENTS.header(), "coupon_code"));

        ParseResult result = parser.parseFields(mapping, EVENT);

        assertThat(((ParseResult.Rejected) result).reason()).isEqualTo(RejectReason.WRONG_COLUMN_COUNT);
        assertThat(((ParseResult.Rejected) result).detail()).contains("expected 13");
    }

    @Test
    void aRecordIsParsedWithItsColumnsHeader() {
        String header = ColumnsHeader.encode(with(EVENTS.header(), "coupon_code"));
        ColumnMapping mapping = ColumnMapping.of(EVENTS, ColumnsHeader.decode(header));
        byte[] value = (String.join(",", EVENT) + ",\"A,B\"").getBytes(StandardCharsets.UTF_8);

        ParseResult.Accepted accepted = (ParseResult.Accepted) parser.parseRecord(EVENTS, mapping, value);

        assertThat(accepted.extraColumns()).containsEntry("coupon_code", "A,B");
        assertThat(ColumnsHeader.decode("a,\"b")).isEmpty();
    }

    @Test
    void anUndecodableExtraValueIsInvalidUtf8() {
        ColumnMapping mapping = ColumnMapping.of(EVENTS, with(EVENTS.header(), "coupon_code"));

        ParseResult result = parser.parseFields(mapping, with(EVENT, "bad\uFFFD"));

        assertThat(((ParseResult.Rejected) result).reason()).isEqualTo(RejectReason.INVALID_UTF8);
    }

    private static RejectReason reason(List<String> header) {
        return ColumnMapping.of(EVENTS, header).problem().reason();
    }

    private static List<String> with(List<String> list, String... more) {
        List<String> result = new ArrayList<>(list);
        result.addAll(Arrays.asList(more));
        return result;
    }

    private static List<String> without(List<String> list, String... removed) {
        List<String> result = new ArrayList<>(list);
        result.removeAll(Arrays.asList(removed));
        return result;
    }
}
