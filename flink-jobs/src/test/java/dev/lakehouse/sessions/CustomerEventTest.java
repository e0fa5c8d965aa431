package dev.lakehouse.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.contract.Source;
import dev.lakehouse.testing.ContractRows;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class CustomerEventTest {

    @Test
    void componentsFollowTheContractColumns() {
        ContractRows.assertComponentsFollowContract(CustomerEvent.class, Source.CUSTOMER_EVENTS);
    }

    @Test
    void fromRowTakesEveryColumn() {
        var row = ContractRows.parse(Source.CUSTOMER_EVENTS, "EVT000000001,CUST000042,SESS00000007,add_to_cart,"
                + "2024-05-01 10:15:30,/cart,PROD00012,CAT003,google,mobile,\"Mozilla/5.0 (X11, Linux)\",10.0.0.1");

        assertThat(CustomerEvent.fromRow(row)).isEqualTo(new CustomerEvent("EVT000000001", "CUST000042",
                "SESS00000007", "add_to_cart", LocalDateTime.of(2024, 5, 1, 10, 15, 30), "/cart", "PROD00012",
                "CAT003", "google", "mobile", "Mozilla/5.0 (X11, Linux)", "10.0.0.1"));
    }

    @Test
    void emptyFieldsBecomeNull() {
        var row = ContractRows.parse(Source.CUSTOMER_EVENTS,
                "EVT000000001,CUST000042,SESS00000007,page_view,2024-05-01 10:15:30,/,,,,,,");

        CustomerEvent event = CustomerEvent.fromRow(row);

        assertThat(event.productId()).isNull();
        assertThat(event.deviceType()).isNull();
        assertThat(event.ipAddress()).isNull();
    }

    @Test
    void eventTimeIsUtcEpochMillis() {
        var row = ContractRows.parse(Source.CUSTOMER_EVENTS,
                "EVT000000001,CUST000042,SESS00000007,page_view,1970-01-01 00:01:00,/,,,,,,");

        assertThat(CustomerEvent.fromRow(row).eventTimeMillis()).isEqualTo(60_000L);
    }

    @Test
    void rejectsAnotherSource() {
        var row = ContractRows.parse(Source.INVENTORY_SNAPSHOTS,
                "SNAP000000001,PROD00012,WH003,2024-03-05,120,20,100,50,300,SUP0001,,19.99");

        assertThatThrownBy(() -> CustomerEvent.fromRow(row)).isInstanceOf(IllegalArgumentException.class);
    }
}
