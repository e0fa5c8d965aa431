package dev.lakehouse.testing;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/** Runs one job and collects several of its streams, each in the order its collect sink received it. */
public final class CollectedStreams {
    private CollectedStreams() {}

    @SafeVarargs
    public static <T> List<List<T>> run(StreamExecutionEnvironment env, DataStream<T>... streams) throws Exception {
        List<CloseableIterator<T>> iterators = new ArrayList<>();
        for (DataStream<T> stream : streams) {
            iterators.add(stream.collectAsync());
        }
        JobClient job = env.executeAsync();
        List<List<T>> results = new ArrayList<>();
        for (CloseableIterator<T> iterator : iterators) {
            List<T> items = new ArrayList<>();
            try (iterator) {
                iterator.forEachRemaining(items::add);
            }
            results.add(items);
        }
        job.getJobExecutionResult().get();
        return results;
    }
}
