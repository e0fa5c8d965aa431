package dev.lakehouse.sessions;

import dev.lakehouse.contract.Source;
import dev.lakehouse.contract.TypedRow;
import dev.lakehouse.flink.ContractRecordTypeInfo;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/** One row of {@code customer_events}, components in contract column order; {@code null} where empty. */
@TypeInfo(ContractRecordTypeInfo.class)
public record CustomerEvent(
        String eventId,
        String customerId,
        String sessionId,
        String eventType,
        LocalDateTime eventTimestamp,
        String pageUrl,
        String productId,
        String categoryId,
        String referrerSource,
        String deviceType,
        String userAgent,
        String ipAddress) {

    public static CustomerEvent fromRow(TypedRow row) {
        if (row.source() != Source.CUSTOMER_EVENTS) {
            throw new IllegalArgumentException("not a customer event: " + row.source());
        }
        return new CustomerEvent(
                (String) row.value(0),
                (String) row.value(1),
                (String) row.value(2),
                (String) row.value(3),
                (LocalDateTime) row.value(4),
                (String) row.value(5),
                (String) row.value(6),
                (String) row.value(7),
                (String) row.value(8),
                (String) row.value(9),
                (String) row.value(10),
                (String) row.value(11));
    }

    /** The event time as UTC epoch milliseconds, the unit Flink timestamps and watermarks use. */
    public long eventTimeMillis() {
        return eventTimestamp.toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
