package dev.lakehouse.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The edges of every impossible-value rule: the last kept value and the first rejected one. */
class ImpossibleValuesTest {
    private static final String PAYMENT =
            "TXN000000001,ORD000000001,CUST000042,credit_card,completed,%s,USD,2024-03-05 14:09:00,00,%s,MERCH0001,US,%s";
    private static final String SNAPSHOT =
            "SNAP000000001,PROD00012,WH003,2024-03-05,%s,%s,%s,50,300,SUP0001,2024-02-28,%s";
    private static final String TICKET =
            "TKT00000001,CUST000042,,shipping_delay,high,resolved,2024-03-05 15:00:00,%s,%s,AGT001,%s,subject,email";

    private final RowParser parser = new RowParser();

    @ParameterizedTest(name = "amount {0}, fee {1}, risk {2} → {3}")
    @CsvSource({
        "0.00,    0.00,   0,        ACCEPTED",
        "-0.01,   0.30,   1,        NEGATIVE_AMOUNT",
        "-12.00,  0.30,   1,        NEGATIVE_AMOUNT",
        "12.00,   -0.01,  1,        NEGATIVE_AMOUNT",
        "5000.00, 6000.00, 1,       ACCEPTED",
        "12.00,   0.30,   100,      ACCEPTED",
        "12.00,   0.30,   100.0001, OUT_OF_RANGE",
        "12.00,   0.30,   -0.0001,  OUT_OF_RANGE",
        "12.00,   0.30,   0.0,      ACCEPTED",
    })
    void payments(String amount, String fee, String risk, String expected) {
        assertOutcome(Source.PAYMENT_TRANSACTIONS, String.format(PAYMENT, amount, fee, risk), expected);
    }

    @ParameterizedTest(name = "on hand {0}, reserved {1}, available {2}, cost {3} → {4}")
    @CsvSource({
        "-5,         10,        -15,       19.99, ACCEPTED",
        "10,         20,        3,         19.99, ACCEPTED",
        "99999999,   0,         99999999,  99999999.99, ACCEPTED",
        "100000000,  0,         0,         19.99, OUT_OF_RANGE",
        "-99999999,  0,         -99999999, 19.99, ACCEPTED",
        "0,          0,         -100000000, 19.99, OUT_OF_RANGE",
        "2147483647, 0,         0,         19.99, OUT_OF_RANGE",
        "-2147483648, 0,        0,         19.99, OUT_OF_RANGE",
        "10,         0,         10,        0.00,  ACCEPTED",
        "10,         0,         10,        -0.01, NEGATIVE_AMOUNT",
    })
    void inventory(String onHand, String reserved, String available, String cost, String expected) {
        assertOutcome(Source.INVENTORY_SNAPSHOTS, String.format(SNAPSHOT, onHand, reserved, available, cost), expected);
    }

    @ParameterizedTest(name = "response {0}, resolution {1}, score {2} → {3}")
    @CsvSource({
        "2024-03-05 15:00:00, 2024-03-05 15:00:00, 1, ACCEPTED",
        "2024-03-05 14:59:59, 2024-03-06 09:00:00, 5, TIME_BEFORE_CREATION",
        "2024-03-05 15:30:00, 2024-03-05 14:59:59, 5, TIME_BEFORE_CREATION",
        "2024-03-06 15:30:00, 2024-03-05 16:00:00, 5, ACCEPTED",
        "'',                  '',                  '', ACCEPTED",
        "2024-03-05 15:30:00, 2024-03-06 09:00:00, 0, OUT_OF_RANGE",
        "2024-03-05 15:30:00, 2024-03-06 09:00:00, 6, OUT_OF_RANGE",
        "2024-03-05 15:30:00, 2024-03-06 09:00:00, -1, OUT_OF_RANGE",
    })
    void tickets(String response, String resolution, String score, String expected) {
        assertOutcome(Source.SUPPORT_TICKETS, String.format(TICKET, response, resolution, score), expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "amount      | TXN1,ORD1,CUST1,credit_card,refunded,-5.00,USD,2024-03-05 14:09:00,00,0.30,MERCH0001,US,1 | negative_amount: amount -5.00 is below 0",
        "risk        | TXN1,ORD1,CUST1,credit_card,completed,5.00,USD,2024-03-05 14:09:00,00,0.30,MERCH0001,US,101 | out_of_range: risk_score 101.0 is outside 0..100",
    })
    void detailNamesTheColumnAndTheRule(String name, String line, String described) {
        ParseResult result = parser.parseLine(Source.PAYMENT_TRANSACTIONS, line);
        assertThat(((ParseResult.Rejected) result).describe()).isEqualTo(described);
    }

    private void assertOutcome(Source source, String line, String expected) {
        ParseResult result = parser.parseLine(source, line);
        if (expected.equals("ACCEPTED")) {
            assertThat(result).as(line).isInstanceOf(ParseResult.Accepted.class);
        } else {
            assertThat(result).as(line).isInstanceOf(ParseResult.Rejected.class);
            assertThat(((ParseResult.Rejected) result).reason()).isEqualTo(RejectReason.valueOf(expected));
        }
    }
}
