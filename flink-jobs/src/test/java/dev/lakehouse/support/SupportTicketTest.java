package dev.lakehouse.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.contract.Source;
import dev.lakehouse.testing.ContractRows;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class SupportTicketTest {

    @Test
    void componentsFollowTheContractColumns() {
        ContractRows.assertComponentsFollowContract(SupportTicket.class, Source.SUPPORT_TICKETS);
    }

    @Test
    void fromRowTakesEveryColumnWithItsType() {
        var row = ContractRows.parse(Source.SUPPORT_TICKETS, "TKT00000001,CUST000002,ORD000000003,refund_request,"
                + "high,resolved,2024-06-01 12:00:00,2024-06-01 13:00:00,2024-06-03 12:00:00,AGT01,4,"
                + "\"Refund, please\",chat");

        assertThat(SupportTicket.fromRow(row)).isEqualTo(new SupportTicket("TKT00000001", "CUST000002",
                "ORD000000003", "refund_request", "high", "resolved", LocalDateTime.of(2024, 6, 1, 12, 0),
                LocalDateTime.of(2024, 6, 1, 13, 0), LocalDateTime.of(2024, 6, 3, 12, 0), "AGT01", 4,
                "Refund, please", "chat"));
    }

    @Test
    void emptyFieldsBecomeNull() {
        var row = ContractRows.parse(Source.SUPPORT_TICKETS,
                "TKT00000001,CUST000002,,order_issue,low,open,2024-06-01 12:00:00,,,,,subject,email");

        SupportTicket ticket = SupportTicket.fromRow(row);

        assertThat(ticket.orderId()).isNull();
        assertThat(ticket.firstResponseTimestamp()).isNull();
        assertThat(ticket.resolutionTimestamp()).isNull();
        assertThat(ticket.agentId()).isNull();
        assertThat(ticket.satisfactionScore()).isNull();
    }

    @Test
    void rejectsAnotherSource() {
        var row = ContractRows.parse(Source.CUSTOMER_EVENTS,
                "EVT000000001,CUST000042,SESS00000007,page_view,2024-05-01 10:15:30,/,,,,,,");

        assertThatThrownBy(() -> SupportTicket.fromRow(row)).isInstanceOf(IllegalArgumentException.class);
    }
}
