package dev.lakehouse.stack.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class LocalFlinkClusterStopTest {
    @Test
    void aShutdownThatNeverCompletesIsLeftBehindAfterTheTimeout() throws Exception {
        long started = System.nanoTime();

        boolean stopped = LocalFlinkCluster.awaitStopped(new CompletableFuture<>(), Duration.ofMillis(200));

        assertThat(stopped).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aCompletedShutdownReturnsAtOnce() throws Exception {
        assertThat(LocalFlinkCluster.awaitStopped(CompletableFuture.completedFuture(null), Duration.ofMinutes(1))).isTrue();
    }

    @Test
    void aFailedShutdownIsReported() {
        CompletableFuture<Void> failed = CompletableFuture.failedFuture(new IllegalStateException("the RPC service did not stop"));

        assertThatThrownBy(() -> LocalFlinkCluster.awaitStopped(failed, Duration.ofMinutes(1)))
                .isInstanceOf(ExecutionException.class).hasRootCauseMessage("the RPC service did not stop");
    }
}
