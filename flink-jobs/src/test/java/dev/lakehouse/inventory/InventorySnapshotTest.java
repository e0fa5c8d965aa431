package dev.lakehouse.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.contract.Source;
import dev.lakehouse.testing.ContractRows;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InventorySnapshotTest {

    @Test
    void componentsFollowTheContractColumns() {
        ContractRows.assertComponentsFollowContract(InventorySnapshot.class, Source.INVENTORY_SNAPSHOTS);
    }

    @Test
    void fromRowTakesEveryColumnWithItsType() {
        var row = ContractRows.parse(Source.INVENTORY_SNAPSHOTS,
                "SNAP000000001,PROD00012,WH003,2024-03-05,120,20,100,50,300,SUP0001,2024-02-01,19.99");

        assertThat(InventorySnapshot.fromRow(row)).isEqualTo(new InventorySnapshot("SNAP000000001", "PROD00012",
                "WH003", LocalDate.of(2024, 3, 5), 120, 20, 100, 50, 300, "SUP0001", LocalDate.of(2024, 2, 1),
                new BigDecimal("19.99")));
    }

    @Test
    void emptyFieldsBecomeNull() {
        var row = ContractRows.parse(Source.INVENTORY_SNAPSHOTS, "SNAP000000001,PROD00012,,2024-03-05,,,,,,,,");

        InventorySnapshot snapshot = InventorySnapshot.fromRow(row);

        assertThat(snapshot.quantityAvailable()).isNull();
        assertThat(snapshot.lastReceivedDate()).isNull();
        assertThat(snapshot.unitCost()).isNull();
    }

    @Test
    void rejectsAnotherSource() {
        var row = ContractRows.parse(Source.CUSTOMER_EVENTS,
                "EVT000000001,CUST000042,SESS00000007,page_view,2024-05-01 10:15:30,/,,,,,,");

        assertThatThrownBy(() -> InventorySnapshot.fromRow(row)).isInstanceOf(IllegalArgumentException.class);
    }
}
