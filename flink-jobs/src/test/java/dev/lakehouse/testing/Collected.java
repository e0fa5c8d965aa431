package dev.lakehouse.testing;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/** Collects several outputs of one bounded job, each in the order its operator emitted it. */
public final class Collected {
    private Collected() {}

    @SafeVarargs
    public static <T> List<List<T>> run(StreamExecutionEnvironment env, DataStream<T>... streams) throws Exception {
        List<CloseableIterator<T>> iterators = new ArrayList<>();
        for (DataStream<T> stream : streams) {
            iterators.add(stream.collectAsync());
        }
        env.execute();
        List<List<T>> results = new ArrayList<>();
        for (CloseableIterator<T> iterator : iterators) {
            try (iterator) {
                List<T> result = new ArrayList<>();
                iterator.forEachRemaining(result::add);
                results.add(result);
            }
        }
        return results;
    }
}
