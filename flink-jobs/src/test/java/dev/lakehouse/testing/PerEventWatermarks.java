package dev.lakehouse.testing;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Bounded out-of-orderness, but the watermark follows every record at once instead of a periodic clock, so a
 * test decides exactly which records come before and after a watermark. Run the assigner with parallelism 1
 * so one sequence drives every downstream subtask.
 */
public final class PerEventWatermarks<T> implements WatermarkGenerator<T> {
    private final long boundMillis;
    private long maxTimestamp = Long.MIN_VALUE;

    private PerEventWatermarks(Duration bound) {
        this.boundMillis = bound.toMillis();
    }

    public static <T> WatermarkStrategy<T> strategy(SerializableTimestampAssigner<T> timestamps, Duration bound) {
        return WatermarkStrategy.<T>forGenerator(ctx -> new PerEventWatermarks<>(bound)).withTimestampAssigner(timestamps);
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        maxTimestamp = Math.max(maxTimestamp, eventTimestamp);
        output.emitWatermark(new Watermark(maxTimestamp - boundMillis));
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        // every watermark is emitted in onEvent
    }
}
