package dev.lakehouse.stack.flink;

import java.net.URI;

/**
 * A Flink cluster with its dashboard and REST API, whoever runs it: the stack submits, watches and cancels jobs only
 * through {@link #rest()}, so the in-process {@link LocalFlinkCluster} and the multi-process {@link FlinkSessionCluster}
 * are interchangeable.
 */
public interface FlinkCluster extends AutoCloseable {

    /** The dashboard and REST API, e.g. http://127.0.0.1:8081. */
    URI restAddress();

    default FlinkRestClient rest() {
        return new FlinkRestClient(restAddress());
    }

    /** Cancels the running jobs (their latest checkpoints are retained), then stops the cluster. */
    @Override
    void close() throws Exception;
}
