package dev.lakehouse.testing;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Bounded out-of-orderness, but the watermark (greatest time so far − bound − 1 ms) follows every record instead
 * of a processing-time period, so a test knows exactly which watermark each record meets. Use parallelism 1.
 */
public final class EveryEventWatermarks<T> implements WatermarkGenerator<T> {
    private final long boundMillis;
    private long greatest = Long.MIN_VALUE;

    private EveryEventWatermarks(Duration bound) {
        this.boundMillis = bound.toMillis();
    }

    public static <T> WatermarkStrategy<T> strategy(Duration bound, SerializableTimestampAssigner<T> eventTime) {
        return WatermarkStrategy.<T>forGenerator(context -> new EveryEventWatermarks<>(bound))
                .withTimestampAssigner(eventTime);
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        greatest = Math.max(greatest, eventTimestamp);
        output.emitWatermark(new Watermark(greatest - boundMillis - 1));
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        // every watermark is emitted in onEvent
    }
}
