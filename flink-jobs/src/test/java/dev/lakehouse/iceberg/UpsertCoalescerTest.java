package dev.lakehouse.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.VarCharType;
import org.apache.flink.types.RowKind;
import org.junit.jupiter.api.Test;

class UpsertCoalescerTest {
    private static final RowType KEY_AND_COUNT = RowType.of(new VarCharType(VarCharType.MAX_LENGTH), new BigIntType());

    @Test
    void betweenTwoCheckpointsOnlyTheLastChangeOfEachKeyReachesTheWriter() throws Exception {
        try (OneInputStreamOperatorTestHarness<RowData, RowData> harness = harness(100)) {
            harness.processElement(row(RowKind.INSERT, "a", 1), 0);
            harness.processElement(row(RowKind.UPDATE_BEFORE, "a", 1), 0);
            harness.processElement(row(RowKind.UPDATE_AFTER, "a", 2), 0);
            harness.processElement(row(RowKind.INSERT, "b", 7), 0);
            assertThat(harness.extractOutputValues()).isEmpty();

            harness.prepareSnapshotPreBarrier(1);

            assertThat(described(harness.extractOutputValues())).containsExactlyInAnyOrder("+U a 2", "+I b 7");
        }
    }

    @Test
    void heldRowsGoToTheWriterOnceTooManyKeysAreHeldWithoutACheckpoint() throws Exception {
        try (OneInputStreamOperatorTestHarness<RowData, RowData> harness = harness(3)) {
            harness.processElement(row(RowKind.INSERT, "a", 1), 0);
            harness.processElement(row(RowKind.INSERT, "b", 1), 0);
            harness.processElement(row(RowKind.UPDATE_AFTER, "a", 2), 0);
            assertThat(harness.extractOutputValues()).as("two keys held, below the bound").isEmpty();

            harness.processElement(row(RowKind.INSERT, "c", 1), 0);
            assertThat(described(harness.extractOutputValues())).containsExactlyInAnyOrder("+U a 2", "+I b 1", "+I c 1");

            harness.processElement(row(RowKind.UPDATE_AFTER, "a", 3), 0);
            harness.prepareSnapshotPreBarrier(1);
            assertThat(described(harness.extractOutputValues())).containsExactlyInAnyOrder("+U a 2", "+I b 1", "+I c 1", "+U a 3");
        }
    }

    @Test
    void aBoundBelowOneKeyIsRejected() {
        assertThatThrownBy(() -> new UpsertCoalescer(KEY_AND_COUNT, new int[] {0}, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static OneInputStreamOperatorTestHarness<RowData, RowData> harness(int maxHeldKeys) throws Exception {
        OneInputStreamOperatorTestHarness<RowData, RowData> harness =
                new OneInputStreamOperatorTestHarness<>(new UpsertCoalescer(KEY_AND_COUNT, new int[] {0}, maxHeldKeys));
        harness.open();
        return harness;
    }

    private static RowData row(RowKind kind, String key, long count) {
        return GenericRowData.ofKind(kind, StringData.fromString(key), count);
    }

    private static List<String> described(List<RowData> rows) {
        return rows.stream().map(r -> r.getRowKind().shortString() + " " + r.getString(0) + " " + r.getLong(1)).toList();
    }
}
