package dev.lakehouse.sessions;

import dev.lakehouse.bronze.BronzeTypes;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.types.RowKind;

/** Rows of {@code silver.customer_sessions}, in the column order of {@link SessionTables#schema()}. */
public final class SessionRows {
    private SessionRows() {}

    public static InternalTypeInfo<RowData> typeInfo() {
        return InternalTypeInfo.of(BronzeTypes.rowType(SessionTables.schema()));
    }

    public static RowData row(RowKind kind, SessionSummary session) {
        return GenericRowData.ofKind(kind,
                StringData.fromString(session.customerId()),
                StringData.fromString(session.sessionId()),
                TimestampData.fromLocalDateTime(session.sessionStart()),
                TimestampData.fromLocalDateTime(session.sessionEnd()),
                session.sessionDurationSeconds(),
                StringData.fromString(session.sessionLengthCategory().code()),
                session.totalEvents(),
                session.uniqueEventTypes(),
                session.pageViews(),
                session.productViews(),
                session.cartAdds(),
                session.purchases(),
                session.uniqueProductsViewed(),
                session.converted(),
                session.abandonedCart(),
                session.bounceSession(),
                StringData.fromString(session.deviceType()),
                StringData.fromString(session.referrerSource()));
    }
}
