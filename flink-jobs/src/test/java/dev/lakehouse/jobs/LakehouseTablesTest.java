package dev.lakehouse.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.maintenance.MaintainedTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which tables maintenance treats as append-only: those whose writers never write a delete file. */
class LakehouseTablesTest {
    @Test
    void everyTableIsMaintainedOnceAndOnlyTablesWithoutDeletesCountAsAppendOnly() {
        List<MaintainedTable> maintained = LakehouseTables.maintained();

        assertThat(maintained).extracting(MaintainedTable::identifier).containsExactlyElementsOf(LakehouseTables.all());
        assertThat(maintained).filteredOn(MaintainedTable::appendOnly).extracting(table -> table.identifier().toString())
                .containsExactlyInAnyOrder("bronze.customer_events", "bronze.payment_transactions", "bronze.inventory_snapshots",
                        "bronze.support_tickets", "bronze.rejected_records", "silver.payment_analysis", "silver.late_events",
                        "silver.sla_breaches");
    }

    @Test
    void eachJobWritesItsLayersAndTheOnesBelow() {
        assertThat(LakehouseTables.writtenBy(LakehouseJob.Job.bronze)).isEqualTo(LakehouseTables.bronze());
        assertThat(LakehouseTables.writtenBy(LakehouseJob.Job.silver)).isEqualTo(LakehouseTables.bronzeAndSilver());
        assertThat(LakehouseTables.writtenBy(LakehouseJob.Job.lakehouse)).isEqualTo(LakehouseTables.all());
        assertThatThrownBy(() -> LakehouseTables.writtenBy(LakehouseJob.Job.maintenance)).isInstanceOf(IllegalArgumentException.class);
    }
}
