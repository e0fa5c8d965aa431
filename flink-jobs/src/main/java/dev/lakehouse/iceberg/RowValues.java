package dev.lakehouse.iceberg;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;

/** Java values → Flink's internal row representation; {@code null} stays {@code null}. */
public final class RowValues {
    private RowValues() {}

    public static StringData string(String value) {
        return value == null ? null : StringData.fromString(value);
    }

    /** Flink stores a DATE as days since the epoch. */
    public static Integer date(LocalDate value) {
        return value == null ? null : (int) value.toEpochDay();
    }

    public static TimestampData timestamp(LocalDateTime value) {
        return value == null ? null : TimestampData.fromLocalDateTime(value);
    }

    /** @throws IllegalArgumentException when the value does not fit, rather than writing a silent null */
    public static DecimalData decimal(BigDecimal value, int precision, int scale) {
        if (value == null) {
            return null;
        }
        DecimalData decimal = DecimalData.fromBigDecimal(value, precision, scale);
        if (decimal == null) {
            throw new IllegalArgumentException(value + " does not fit decimal(" + precision + "," + scale + ")");
        }
        return decimal;
    }

    public static DecimalData money(BigDecimal value) {
        return decimal(value, SilverSchemas.MONEY_PRECISION, SilverSchemas.MONEY_SCALE);
    }

    public static DecimalData contractDecimal(BigDecimal value) {
        return decimal(value, SilverSchemas.CONTRACT_DECIMAL_PRECISION, SilverSchemas.CONTRACT_DECIMAL_SCALE);
    }
}
