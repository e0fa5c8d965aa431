package dev.lakehouse.jobs;

import dev.lakehouse.bronze.BronzeRows;
import dev.lakehouse.contract.Source;
import dev.lakehouse.contract.TypedRow;
import dev.lakehouse.flink.RecordTypes;
import dev.lakehouse.iceberg.IcebergSinks.TableSink;
import dev.lakehouse.iceberg.TableSpec;
import dev.lakehouse.inventory.InventoryPipeline;
import dev.lakehouse.late.LateEventTables;
import dev.lakehouse.payments.PaymentTables;
import dev.lakehouse.payments.PaymentTransaction;
import dev.lakehouse.payments.PaymentsPipeline;
import dev.lakehouse.sessions.CustomerEvent;
import dev.lakehouse.sessions.SessionSettings;
import dev.lakehouse.sessions.SessionTables;
import dev.lakehouse.sessions.SessionsPipeline;
import dev.lakehouse.inventory.InventorySnapshot;
import dev.lakehouse.inventory.InventoryTables;
import dev.lakehouse.support.SupportPipeline;
import dev.lakehouse.support.SupportSettings;
import dev.lakehouse.support.SupportTables;
import dev.lakehouse.support.SupportTicket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.data.RowData;

/**
 * The silver tables, built on the de-duplicated rows that bronze writes: each domain builds its own tables, this
 * class only feeds them and hands their changelogs to the sink.
 */
public final class SilverJob {
    private SilverJob() {}

    public static List<TableSpec> tables() {
        List<TableSpec> tables = new ArrayList<>();
        tables.add(SessionTables.spec());
        tables.add(PaymentTables.analysisSpec());
        tables.add(PaymentTables.profileSpec());
        tables.add(LateEventTables.spec());
        tables.add(InventoryTables.inventoryHealth());
        tables.addAll(SupportTables.all());
        return tables;
    }

    /** The silver changelogs that gold aggregates further. */
    public record SilverStreams(DataStream<RowData> customerSessions, DataStream<RowData> inventoryHealth) {}

    /** @param firstSeen the rows of each source as bronze wrote them, with event-time timestamps and watermarks */
    public static SilverStreams build(Map<Source, DataStream<RowData>> firstSeen, SessionSettings sessionSettings,
            SupportSettings supportSettings, TableSink sink) {
        DataStream<CustomerEvent> events = typed(firstSeen, Source.CUSTOMER_EVENTS, CustomerEvent.class, CustomerEvent::fromRow);
        SessionsPipeline.Outputs sessions = SessionsPipeline.build(events, sessionSettings);
        sink.write(SessionTables.spec(), sessions.sessions());

        DataStream<PaymentTransaction> transactions = typed(firstSeen, Source.PAYMENT_TRANSACTIONS, PaymentTransaction.class,
                PaymentTransaction::fromRow);
        PaymentsPipeline.Outputs payments = PaymentsPipeline.build(transactions);
        sink.write(PaymentTables.analysisSpec(), payments.analysis());
        sink.write(PaymentTables.profileSpec(), payments.profiles());
        sink.write(LateEventTables.spec(), sessions.lateEvents().union(payments.lateTransactions()));

        DataStream<InventorySnapshot> snapshots = typed(firstSeen, Source.INVENTORY_SNAPSHOTS, InventorySnapshot.class,
                InventorySnapshot::fromRow);
        DataStream<RowData> inventoryHealth = InventoryPipeline.build(snapshots);
        sink.write(InventoryTables.inventoryHealth(), inventoryHealth);

        DataStream<SupportTicket> tickets = typed(firstSeen, Source.SUPPORT_TICKETS, SupportTicket.class, SupportTicket::fromRow);
        SupportPipeline.Streams support = SupportPipeline.build(tickets, supportSettings);
        sink.write(SupportTables.supportMetrics(), support.metrics());
        sink.write(SupportTables.slaBreaches(), support.breaches());
        sink.write(SupportTables.agentPerformance(), support.agents());
        return new SilverStreams(sessions.sessions(), inventoryHealth);
    }

    private static <T extends Record> DataStream<T> typed(Map<Source, DataStream<RowData>> firstSeen, Source source, Class<T> type,
            RowReader<T> fromRow) {
        return firstSeen.get(source)
                .map(new ToDomain<>(source, fromRow))
                .returns(RecordTypes.of(type))
                .name("Read " + source.sourceName());
    }

    /** A domain record's {@code fromRow} factory; serializable, because the map function that calls it ships to tasks. */
    @FunctionalInterface
    private interface RowReader<T> extends java.io.Serializable {
        T apply(TypedRow row);
    }

    /** Bronze row → the domain's input record (no state: no uid needed, but stable names help the dashboard). */
    private record ToDomain<T>(Source source, RowReader<T> fromRow) implements MapFunction<RowData, T> {
        @Override
        public T map(RowData row) {
            return fromRow.apply(BronzeRows.toTypedRow(source, row));
        }
    }
}
