package dev.lakehouse.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.lakehouse.contract.Source;
import dev.lakehouse.iceberg.TableSpec;
import dev.lakehouse.iceberg.WriteMode;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

class SupportTablesTest {
    @Test
    void metricsAndAgentsAreUpsertTablesAndBreachesAppendOnly() {
        assertThat(SupportTables.all()).extracting(t -> t.identifier().toString(), TableSpec::writeMode)
                .containsExactly(
                        tuple("silver.support_metrics", WriteMode.UPSERT),
                        tuple("silver.sla_breaches", WriteMode.APPEND),
                        tuple("silver.agent_performance", WriteMode.UPSERT));
        assertThat(SupportTables.supportMetrics().schema().identifierFieldNames()).containsExactly("ticket_id");
        assertThat(SupportTables.agentPerformance().schema().identifierFieldNames()).containsExactly("agent_id");
        assertThat(SupportTables.slaBreaches().properties()).doesNotContainKey("write.upsert.enabled");
        assertThat(SupportTables.supportMetrics().properties()).containsEntry("write.upsert.enabled", "true");
    }

    @Test
    void metricsHaveTheContractColumnsThenTheDerivedOnes() {
        assertThat(SupportTables.supportMetricsSchema().columns()).extracting(Types.NestedField::name)
                .startsWith(Source.SUPPORT_TICKETS.header().toArray(String[]::new))
                .endsWith("first_response_time_minutes", "resolution_time_hours", "meets_response_sla",
                        "meets_resolution_sla", "is_satisfied_customer", "is_unsatisfied_customer", "channel_type",
                        "ticket_urgency_status");
    }

    @Test
    void breachesAndAgentsHaveTheSpecsColumns() {
        assertThat(SupportTables.slaBreachesSchema().columns()).extracting(Types.NestedField::name).containsExactly(
                "ticket_id", "customer_id", "priority", "breach_type", "deadline", "detected_at");
        assertThat(SupportTables.agentPerformanceSchema().columns()).extracting(Types.NestedField::name).containsExactly(
                "agent_id", "tickets_handled", "avg_first_response_minutes", "avg_resolution_hours",
                "tickets_meeting_resolution_sla", "avg_satisfaction", "satisfied_count", "unsatisfied_count");
    }
}
