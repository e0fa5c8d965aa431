package dev.lakehouse.bronze;

import dev.lakehouse.contract.Source;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.VarCharType;
import org.apache.iceberg.Schema;
import org.apache.iceberg.flink.FlinkSchemaUtil;

/** Flink row types of the bronze tables, derived from their Iceberg schemas. */
public final class BronzeTypes {
    /** The field after the table's columns in a bronze stream row: see {@link #streamRowType(Source)}. */
    public static final String EXTRA_COLUMNS = "extra_columns";

    private BronzeTypes() {}

    public static RowType rowType(Schema schema) {
        return FlinkSchemaUtil.convert(schema);
    }

    /**
     * The rows of one source as they flow from the router through de-duplication to the sink and to silver: the bronze
     * table's contract and lineage columns, then one more field, {@value #EXTRA_COLUMNS}, a map of the columns the
     * contract does not know (schema evolution, see {@link dev.lakehouse.contract.ColumnMapping}), null for a row
     * with the contract's columns. Readers address the contract columns by position, so they never see it.
     */
    public static RowType streamRowType(Source source) {
        RowType table = rowType(BronzeTables.schema(source));
        List<RowType.RowField> fields = new ArrayList<>(table.getFields());
        fields.add(new RowType.RowField(EXTRA_COLUMNS,
                new MapType(true, new VarCharType(false, VarCharType.MAX_LENGTH), new VarCharType(true, VarCharType.MAX_LENGTH))));
        return new RowType(false, fields);
    }

    /** The type of {@link #streamRowType(Source)} rows. */
    public static InternalTypeInfo<RowData> rowTypeInfo(Source source) {
        return InternalTypeInfo.of(streamRowType(source));
    }

    public static InternalTypeInfo<RowData> rejectedTypeInfo() {
        return InternalTypeInfo.of(rowType(BronzeTables.rejectedRecordsSchema()));
    }
}
