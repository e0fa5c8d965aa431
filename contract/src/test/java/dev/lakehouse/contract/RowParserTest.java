package dev.lakehouse.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RowParserTest {
    private static final String EVENT =
            "EVT000000001,CUST000042,SESS00000007,product_view,2024-03-05 14:07:09,/products/PROD00012,PROD00012,CAT003,"
                    + "google,mobile,\"Mozilla/5.0 (X11; Linux x86_64), like Gecko\",10.1.2.3";
    private static final String PAYMENT =
            "TXN000000001,ORD000000001,CUST000042,credit_card,completed,123.45,USD,2024-03-05 14:09:00,00,3.70,MERCH0001,US,12.5";
    private static final String SNAPSHOT =
            "SNAP000000001,PROD00012,WH003,2024-03-05,120,20,100,50,300,SUP0001,2024-02-28,19.99";
    private static final String TICKET =
            "TKT00000001,CUST000042,,shipping_delay,high,resolved,2024-03-05 15:00:00,2024-03-05 15:30:00,"
                    + "2024-03-06 09:00:00,AGT001,5,\"Where is my order, please?\",email";

    private final RowParser parser = new RowParser();

    @Test
    void typesEveryColumnOfAnEvent() {
        TypedRow row = accepted(Source.CUSTOMER_EVENTS, EVENT);

        assertThat(row.primaryKey()).isEqualTo("EVT000000001");
        assertThat(row.kafkaKey()).isEqualTo("CUST000042");
        assertThat(row.value(4)).isEqualTo(LocalDateTime.of(2024, 3, 5, 14, 7, 9));
        assertThat(row.value(10)).isEqualTo("Mozilla/5.0 (X11; Linux x86_64), like Gecko");
        assertThat(row.eventTimeMillis()).isEqualTo(1709647629000L);
    }

    @Test
    void keepsLeadingZerosAndDecimalScaleOfAPayment() {
        TypedRow row = accepted(Source.PAYMENT_TRANSACTIONS, PAYMENT);

        assertThat(row.value(8)).isEqualTo("00");
        assertThat(row.value(5)).isEqualTo(new BigDecimal("123.45"));
        assertThat(row.value(9)).isEqualTo(new BigDecimal("3.70"));
        assertThat(row.value(12)).isEqualTo(12.5);
    }

    @Test
    void snapshotEventTimeIsTheStartOfItsDay() {
        TypedRow row = accepted(Source.INVENTORY_SNAPSHOTS, SNAPSHOT);

        assertThat(row.kafkaKey()).isEqualTo("PROD00012");
        assertThat(row.value(3)).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(row.value(4)).isEqualTo(120);
        assertThat(row.eventTimeMillis()).isEqualTo(1709596800000L);
    }

    @Test
    void emptyOptionalFieldIsNull() {
        TypedRow row = accepted(Source.SUPPORT_TICKETS, TICKET);

        assertThat(row.value(2)).isNull();
        assertThat(row.value(10)).isEqualTo(5);
        assertThat(row.value(11)).isEqualTo("Where is my order, please?");
    }

    @Test
    void wholeDecimalGetsScaleTwo() {
        TypedRow row = accepted(Source.PAYMENT_TRANSACTIONS, PAYMENT.replace("123.45", "10"));

        assertThat(row.value(5)).isEqualTo(new BigDecimal("10.00"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "too few columns       | EVT000000001,CUST000042                                  | WRONG_COLUMN_COUNT",
        "too many columns      | " + "EVT000000001,CUST000042,SESS00000007,page_view,2024-03-05 14:07:09,/,,,google,mobile,ua,1.2.3.4,extra | WRONG_COLUMN_COUNT",
        "bad timestamp         | EVT000000001,CUST000042,SESS00000007,page_view,2024-13-05 14:07:09,/,,,google,mobile,ua,1.2.3.4 | BAD_TIMESTAMP",
        "timestamp with zone   | EVT000000001,CUST000042,SESS00000007,page_view,2024-03-05T14:07:09Z,/,,,google,mobile,ua,1.2.3.4 | BAD_TIMESTAMP",
        "empty primary key     | ',CUST000042,SESS00000007,page_view,2024-03-05 14:07:09,/,,,google,mobile,ua,1.2.3.4' | MISSING_PRIMARY_KEY",
        "empty customer        | EVT000000001,,SESS00000007,page_view,2024-03-05 14:07:09,/,,,google,mobile,ua,1.2.3.4 | MISSING_REQUIRED_FIELD",
        "empty event time      | EVT000000001,CUST000042,SESS00000007,page_view,,/,,,google,mobile,ua,1.2.3.4 | MISSING_REQUIRED_FIELD",
        "unclosed quote        | 'EVT000000001,CUST000042,SESS00000007,page_view,2024-03-05 14:07:09,/,,,google,mobile,\"ua,1.2.3.4' | MALFORMED_CSV",
    })
    void rejectsAnEventThatBreaksTheContract(String name, String line, RejectReason expected) {
        assertThat(rejected(Source.CUSTOMER_EVENTS, line).reason()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "amount {0}")
    @CsvSource({"abc", "12.345", "NaN", "1e3x", "99999999999.00", "1.2.3"})
    void rejectsABadAmount(String amount) {
        String line = PAYMENT.replace("123.45", amount);
        assertThat(rejected(Source.PAYMENT_TRANSACTIONS, line).reason()).isEqualTo(RejectReason.BAD_NUMBER);
    }

    @ParameterizedTest(name = "risk score {0}")
    @CsvSource({"NaN", "Infinity", "1d", "0x1p3", "--1"})
    void rejectsADoubleThatIsNoContractNumber(String risk) {
        String line = PAYMENT.substring(0, PAYMENT.lastIndexOf(',') + 1) + risk;
        assertThat(rejected(Source.PAYMENT_TRANSACTIONS, line).reason()).isEqualTo(RejectReason.BAD_NUMBER);
    }

    @Test
    void rejectsABadIntAndABadDate() {
        assertThat(rejected(Source.INVENTORY_SNAPSHOTS, SNAPSHOT.replace(",120,", ",12o,")).reason())
                .isEqualTo(RejectReason.BAD_NUMBER);
        assertThat(rejected(Source.INVENTORY_SNAPSHOTS, SNAPSHOT.replace("2024-03-05", "2024-02-30")).reason())
                .isEqualTo(RejectReason.BAD_DATE);
    }

    @Test
    void detailNamesTheColumnAndValue() {
        ParseResult.Rejected rejected = rejected(Source.PAYMENT_TRANSACTIONS, PAYMENT.replace("123.45", "abc"));

        assertThat(rejected.describe()).isEqualTo("bad_number: amount (decimal) = 'abc'");
    }

    @Test
    void rejectsInvalidUtf8InARecordValue() {
        byte[] good = EVENT.getBytes(StandardCharsets.UTF_8);
        byte[] bad = good.clone();
        bad[20] = (byte) 0xC3;
        bad[21] = (byte) 0x28;

        assertThat(parser.parseRecord(Source.CUSTOMER_EVENTS, good)).isInstanceOf(ParseResult.Accepted.class);
        assertThat(((ParseResult.Rejected) parser.parseRecord(Source.CUSTOMER_EVENTS, bad)).reason())
                .isEqualTo(RejectReason.INVALID_UTF8);
    }

    @Test
    void rejectsReplacementCharacterLeftByLenientFileDecoding() {
        assertThat(rejected(Source.CUSTOMER_EVENTS, EVENT.replace("google", "goo\uFFFDle")).reason())
                .isEqualTo(RejectReason.INVALID_UTF8);
    }

    @Test
    void rejectsEmptyOversizedAndMultiRecordValues() {
        RowParser small = new RowParser(100);

        assertThat(((ParseResult.Rejected) parser.parseRecord(Source.CUSTOMER_EVENTS, new byte[0])).reason())
                .isEqualTo(RejectReason.EMPTY_RECORD);
        assertThat(((ParseResult.Rejected) small.parseRecord(Source.CUSTOMER_EVENTS, EVENT.getBytes(StandardCharsets.UTF_8))).reason())
                .isEqualTo(RejectReason.OVERSIZED);
        assertThat(rejected(Source.CUSTOMER_EVENTS, EVENT + "\n" + EVENT).reason()).isEqualTo(RejectReason.MALFORMED_CSV);
    }

    @Test
    void encoderRoundTripsQuotesCommasAndNewlines() {
        List<String> fields = new ArrayList<>(List.of(EVENT.split(",", 12)));
        fields.set(10, "agent \"x\", with\nnewline");
        fields.set(5, "");
        String line = new CsvLineEncoder().encode(fields);

        TypedRow row = accepted(Source.CUSTOMER_EVENTS, line);

        assertThat(row.value(10)).isEqualTo("agent \"x\", with\nnewline");
        assertThat(row.value(5)).isNull();
    }

    @Test
    void sourcesKnowTheirTopicsAndKeys() {
        assertThat(Source.byTopic("lh.", "lh.support_tickets")).contains(Source.SUPPORT_TICKETS);
        assertThat(Source.byTopic("lh.", "support_tickets")).isEmpty();
        assertThat(Source.PAYMENT_TRANSACTIONS.primaryKey().name()).isEqualTo("transaction_id");
        assertThat(Source.INVENTORY_SNAPSHOTS.header()).hasSize(12).startsWith("snapshot_id", "product_id");
    }

    private TypedRow accepted(Source source, String line) {
        ParseResult result = parser.parseLine(source, line);
        assertThat(result).isInstanceOf(ParseResult.Accepted.class);
        return ((ParseResult.Accepted) result).row();
    }

    private ParseResult.Rejected rejected(Source source, String line) {
        ParseResult result = parser.parseLine(source, line);
        assertThat(result).isInstanceOf(ParseResult.Rejected.class);
        return (ParseResult.Rejected) result;
    }
}
