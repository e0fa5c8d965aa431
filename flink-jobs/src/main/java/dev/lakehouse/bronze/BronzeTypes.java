package dev.lakehouse.bronze;

import dev.lakehouse.contract.Source;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;
import org.apache.iceberg.Schema;
import org.apache.iceberg.flink.FlinkSchemaUtil;

/** Flink row types of the bronze tables, derived from their Iceberg schemas. */
public final class BronzeTypes {
    private BronzeTypes() {}

    public static RowType rowType(Schema schema) {
        return FlinkSchemaUtil.convert(schema);
    }

    public static InternalTypeInfo<org.apache.flink.table.data.RowData> rowTypeInfo(Source source) {
        return InternalTypeInfo.of(rowType(BronzeTables.schema(source)));
    }

    public static InternalTypeInfo<org.apache.flink.table.data.RowData> rejectedTypeInfo() {
        return InternalTypeInfo.of(rowType(BronzeTables.rejectedRecordsSchema()));
    }
}
