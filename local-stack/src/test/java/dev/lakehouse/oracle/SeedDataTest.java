package dev.lakehouse.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.lakehouse.oracle.SeedData.PaymentTransaction;
import dev.lakehouse.oracle.SeedData.SupportTicket;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedDataTest {
    @TempDir
    Path dir;

    @Test
    void duplicatePrimaryKeysKeepTheFirstOccurrenceInFileOrder() {
        SeedData data = TestSeeds.in(dir)
                .payment("TXN1", "CUST1", "paypal", "completed", "10.00", "2024-01-01 10:00:00", "1.0")
                .payment("TXN2", "CUST1", "paypal", "completed", "20.00", "2024-01-01 09:00:00", "1.0")
                .payment("TXN1", "CUST1", "paypal", "failed", "99.00", "2024-01-01 08:00:00", "1.0")
                .write();

        assertThat(data.paymentTransactions()).extracting(PaymentTransaction::transactionId, PaymentTransaction::amount)
                .containsExactly(tuple("TXN1", new BigDecimal("10.00")),
                        tuple("TXN2", new BigDecimal("20.00")));
        assertThat(data.counts(SeedData.PAYMENT_TRANSACTIONS_FILE))
                .isEqualTo(new SeedData.FileCounts(3, 0, 1));
    }

    @Test
    void rowsBreakingTheContractAreSkippedAndCounted() {
        String valid = "TXN9,ORD1,CUST1,paypal,completed,10.00,USD,2024-01-01 10:00:00,00,0.30,MERCH0001,US,5.5";
        SeedData data = TestSeeds.in(dir)
                .paymentLine("TXN1,ORD1,CUST1,paypal,completed,10.00,USD,2024-01-01 10:00:00,00,0.30,MERCH0001,US")
                .paymentLine("TXN2,ORD1,CUST1,paypal,completed,ten,USD,2024-01-01 10:00:00,00,0.30,MERCH0001,US,5")
                .paymentLine("TXN3,ORD1,CUST1,paypal,completed,10.001,USD,2024-01-01 10:00:00,00,0.30,M,US,5")
                .paymentLine("TXN4,ORD1,CUST1,paypal,completed,10.00,USD,2024-01-01T10:00:00,00,0.30,M,US,5")
                .paymentLine("TXN5,ORD1,CUST1,paypal,completed,10.00,USD,2024-02-30 10:00:00,00,0.30,M,US,5")
                .paymentLine(",ORD1,CUST1,paypal,completed,10.00,USD,2024-01-01 10:00:00,00,0.30,M,US,5")
                .paymentLine("TXN6,ORD1,,paypal,completed,10.00,USD,2024-01-01 10:00:00,00,0.30,M,US,5")
                .paymentLine("TXN7,ORD1,CUST1,paypal,completed,10.00,USD,2024-01-01 10:00:00,00,0.30,M,US,NaN")
                .paymentLine("TXN8,ORD1,CUST1,paypal,completed,10.00,USD,,00,0.30,M,US,5")
                // invalid first, then valid with the same key: the valid one is the first that counts
                .paymentLine("TXN9,ORD1,CUST1,paypal,completed,10.00,USD,2024-01-01 25:00:00,00,0.30,M,US,5")
                .paymentLine(valid)
                .write();

        assertThat(data.paymentTransactions()).extracting(PaymentTransaction::transactionId).containsExactly("TXN9");
        assertThat(data.counts(SeedData.PAYMENT_TRANSACTIONS_FILE)).isEqualTo(new SeedData.FileCounts(11, 10, 0));
    }

    @Test
    void typesFieldsAndReadsEmptyAsNull() {
        SeedData data = TestSeeds.in(dir)
                .paymentLine("TXN1,,CUST1,,,1.5,USD,2024-03-04 05:06:07,00,,MERCH0001,US,")
                .eventLine("EVT1,CUST1,SESS1,page_view,2024-01-01 00:00:00,/a,,,google,mobile,"
                        + "\"Mozilla/5.0 (KHTML, like Gecko) \"\"quoted\"\"\",10.0.0.1")
                .write();

        PaymentTransaction tx = data.paymentTransactions().get(0);
        assertThat(tx.orderId()).isNull();
        assertThat(tx.paymentMethod()).isNull();
        assertThat(tx.amount()).isEqualTo(new BigDecimal("1.50"));
        assertThat(tx.amount().scale()).isEqualTo(2);
        assertThat(tx.transactionTimestamp()).isEqualTo(LocalDateTime.of(2024, 3, 4, 5, 6, 7));
        assertThat(tx.processorResponseCode()).isEqualTo("00");
        assertThat(tx.gatewayFee()).isNull();
        assertThat(tx.riskScore()).isNull();
        assertThat(data.customerEvents().get(0).userAgent()).isEqualTo("Mozilla/5.0 (KHTML, like Gecko) \"quoted\"");
        assertThat(data.customerEvents().get(0).productId()).isNull();
    }

    @Test
    void invalidUtf8AndOversizedRowsAreRejected() throws IOException {
        String ticket = "TKT1,CUST1,,order_issue,low,open,2024-01-01 00:00:00,,,,,%s,email";
        TestSeeds.in(dir)
                .ticketLine(String.format(ticket, "fine"))
                .ticketLine(String.format(ticket, "x".repeat(SeedData.MAX_LINE_BYTES)).replace("TKT1", "TKT2"))
                .write();
        Path tickets = dir.resolve(SeedData.SUPPORT_TICKETS_FILE);
        byte[] invalid = (String.format(ticket, "bad \u00ff byte").replace("TKT1", "TKT3") + "\n")
                .getBytes(StandardCharsets.ISO_8859_1); // a lone 0xFF is never valid UTF-8
        Files.write(tickets, invalid, StandardOpenOption.APPEND);

        SeedData data = SeedData.read(dir);

        assertThat(data.supportTickets()).extracting(SupportTicket::ticketId).containsExactly("TKT1");
        assertThat(data.counts(SeedData.SUPPORT_TICKETS_FILE)).isEqualTo(new SeedData.FileCounts(3, 2, 0));
    }

    @Test
    void aHeaderOtherThanTheContractsIsAnError() throws IOException {
        TestSeeds.in(dir).write();
        Files.write(dir.resolve(SeedData.SUPPORT_TICKETS_FILE), List.of("ticket_id,customer_id"));

        assertThatThrownBy(() -> SeedData.read(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("support_tickets.csv");
    }
}
