package dev.lakehouse.jobs;

import static org.assertj.core.api.Assertions.assertThat;

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
}
