package dev.lakehouse.support;

import dev.lakehouse.contract.Source;
import dev.lakehouse.iceberg.SilverSchemas;
import dev.lakehouse.iceberg.TableSpec;
import dev.lakehouse.iceberg.WriteMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Types;

/**
 * The support tables of semantics.md. Durations are whole minutes or hours (bigint), averages double, event
 * times timestamps without zone (UTC, like the contract).
 */
public final class SupportTables {
    public static final TableIdentifier SUPPORT_METRICS = TableIdentifier.of(SilverSchemas.NAMESPACE, "support_metrics");
    public static final TableIdentifier SLA_BREACHES = TableIdentifier.of(SilverSchemas.NAMESPACE, "sla_breaches");
    public static final TableIdentifier AGENT_PERFORMANCE = TableIdentifier.of(SilverSchemas.NAMESPACE, "agent_performance");

    public static final String TICKET_ID = "ticket_id";
    public static final String AGENT_ID = "agent_id";

    private SupportTables() {}

    public static List<TableSpec> all() {
        return List.of(supportMetrics(), slaBreaches(), agentPerformance());
    }

    /** Upsert on ticket_id: the contract columns, then the derived columns of {@link SupportMetrics}, flat. */
    public static TableSpec supportMetrics() {
        return SilverSchemas.spec(SUPPORT_METRICS, supportMetricsSchema(), WriteMode.UPSERT);
    }

    public static List<String> supportMetricsEqualityColumns() {
        return List.of(TICKET_ID);
    }

    /** Append only: one row per ticket and breach type, written once. */
    public static TableSpec slaBreaches() {
        return SilverSchemas.spec(SLA_BREACHES, slaBreachesSchema(), WriteMode.APPEND);
    }

    /** Upsert on agent_id; an agent left without tickets (all reassigned) is deleted. */
    public static TableSpec agentPerformance() {
        return SilverSchemas.spec(AGENT_PERFORMANCE, agentPerformanceSchema(), WriteMode.UPSERT);
    }

    public static List<String> agentPerformanceEqualityColumns() {
        return List.of(AGENT_ID);
    }

    public static Schema supportMetricsSchema() {
        List<Types.NestedField> fields = new ArrayList<>(
                SilverSchemas.contractFields(Source.SUPPORT_TICKETS, Set.of(TICKET_ID)));
        int id = fields.size() + 1;
        fields.add(Types.NestedField.optional(id++, "first_response_time_minutes", Types.LongType.get(),
                "whole minutes, NULL without a response"));
        fields.add(Types.NestedField.optional(id++, "resolution_time_hours", Types.LongType.get(),
                "whole hours, NULL without a resolution"));
        fields.add(Types.NestedField.required(id++, "meets_response_sla", Types.BooleanType.get()));
        fields.add(Types.NestedField.required(id++, "meets_resolution_sla", Types.BooleanType.get()));
        fields.add(Types.NestedField.required(id++, "is_satisfied_customer", Types.BooleanType.get()));
        fields.add(Types.NestedField.required(id++, "is_unsatisfied_customer", Types.BooleanType.get()));
        fields.add(Types.NestedField.required(id++, "channel_type", Types.StringType.get()));
        fields.add(Types.NestedField.required(id, "ticket_urgency_status", Types.StringType.get(),
                "as of the watermark when the row was written"));
        return SilverSchemas.withIdentifier(fields, supportMetricsEqualityColumns());
    }

    public static Schema slaBreachesSchema() {
        return new Schema(
                Types.NestedField.required(1, TICKET_ID, Types.StringType.get()),
                Types.NestedField.required(2, "customer_id", Types.StringType.get()),
                Types.NestedField.optional(3, "priority", Types.StringType.get(), "as written in the ticket"),
                Types.NestedField.required(4, "breach_type", Types.StringType.get(), "response or resolution"),
                Types.NestedField.required(5, "deadline", Types.TimestampType.withoutZone()),
                Types.NestedField.required(6, "detected_at", Types.TimestampType.withoutZone(),
                        "event time: the first watermark past the deadline, deadline + 1 ms"));
    }

    public static Schema agentPerformanceSchema() {
        List<Types.NestedField> fields = List.of(
                Types.NestedField.required(1, AGENT_ID, Types.StringType.get()),
                Types.NestedField.required(2, "tickets_handled", Types.LongType.get()),
                Types.NestedField.optional(3, "avg_first_response_minutes", Types.DoubleType.get()),
                Types.NestedField.optional(4, "avg_resolution_hours", Types.DoubleType.get()),
                Types.NestedField.required(5, "tickets_meeting_resolution_sla", Types.LongType.get()),
                Types.NestedField.optional(6, "avg_satisfaction", Types.DoubleType.get()),
                Types.NestedField.required(7, "satisfied_count", Types.LongType.get()),
                Types.NestedField.required(8, "unsatisfied_count", Types.LongType.get()));
        return SilverSchemas.withIdentifier(fields, agentPerformanceEqualityColumns());
    }
}
