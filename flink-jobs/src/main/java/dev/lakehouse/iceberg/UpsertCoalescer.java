package dev.lakehouse.iceberg;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.RowDataSerializer;
import org.apache.flink.table.types.logical.RowType;

/**
 * Sends an upsert table's sink only the last change of each key per checkpoint.
 *
 * <p>Iceberg's upsert writer turns every row into an equality delete plus an insert, and a key written twice between
 * two commits costs a position delete on top. Aggregates such as the gold tables change the same keys many times per
 * checkpoint interval, so writing every change multiplies the files' work (and the delete files readers must apply)
 * for rows that the same commit supersedes anyway.
 *
 * <p>Changes are held on the heap and emitted just before each checkpoint barrier, so they reach the writer — and
 * the commit of that checkpoint — exactly as if they had been sent one by one: nothing waits longer to become
 * visible, and the buffer is always empty when state is snapshotted (it needs no state of its own). At most one row
 * per key changed during one checkpoint interval is held, and never more than {@code maxHeldKeys} rows: beyond that the held
 * rows go to the writer at once. Checkpoint barriers are far apart exactly when a job catches up a backlog, or when
 * checkpoints fail for a while (a Kafka or catalog restart); without a bound the buffer then held nearly every key of
 * every upsert table, and a chaos run over two months of the full data set ran a TaskManager out of heap (a heap dump
 * showed 152,000 rows held here). Sending a key early only costs the writer one more delete for it, as it would without
 * this operator. The operator must run with the same parallelism as, and
 * chained after, the operator that produces the changes (keyed by the same key), so each key's changes arrive here
 * in order.
 */
public final class UpsertCoalescer extends AbstractStreamOperator<RowData>
        implements OneInputStreamOperator<RowData, RowData>, BoundedOneInput {
    private static final long serialVersionUID = 1L;

    private final RowType rowType;
    private final int[] keyPositions;
    private final int maxHeldKeys;
    private transient RowDataSerializer copier;
    private transient RowData.FieldGetter[] keyGetters;
    private transient LatestChangePerKey<List<Object>, RowData> pending;
    private transient StreamRecord<RowData> reused;

    /** At most this many keys' rows are held between two checkpoints: a few MB per upsert table. */
    public static final int DEFAULT_MAX_HELD_KEYS = 10_000;

    public UpsertCoalescer(RowType rowType, int[] keyPositions) {
        this(rowType, keyPositions, DEFAULT_MAX_HELD_KEYS);
    }

    public UpsertCoalescer(RowType rowType, int[] keyPositions, int maxHeldKeys) {
        if (maxHeldKeys < 1) {
            throw new IllegalArgumentException("at least one key must be held, got " + maxHeldKeys);
        }
        this.rowType = rowType;
        this.keyPositions = keyPositions.clone();
        this.maxHeldKeys = maxHeldKeys;
    }

    @Override
    public void open() throws Exception {
        super.open();
        copier = new RowDataSerializer(rowType);
        keyGetters = new RowData.FieldGetter[keyPositions.length];
        for (int i = 0; i < keyPositions.length; i++) {
            keyGetters[i] = RowData.createFieldGetter(rowType.getTypeAt(keyPositions[i]), keyPositions[i]);
        }
        pending = new LatestChangePerKey<>();
        reused = new StreamRecord<>(null);
    }

    @Override
    public void processElement(StreamRecord<RowData> element) {
        // Object reuse is on: the row may be overwritten upstream after this call, so keep a copy.
        RowData row = copier.copy(element.getValue());
        List<Object> key = new ArrayList<>(keyGetters.length);
        for (RowData.FieldGetter getter : keyGetters) {
            key.add(getter.getFieldOrNull(row));
        }
        pending.add(key, row.getRowKind(), row);
        if (pending.size() >= maxHeldKeys) {
            flush();
        }
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        flush();
    }

    @Override
    public void endInput() {
        flush();
    }

    private void flush() {
        pending.drainTo(row -> output.collect(reused.replace(row)));
    }
}
