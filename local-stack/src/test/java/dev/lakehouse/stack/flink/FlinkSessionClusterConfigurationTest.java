package dev.lakehouse.stack.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.stack.kafka.LoopbackPorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.apache.flink.configuration.BlobServerOptions;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every process of the session cluster reads from its config.yaml. */
class FlinkSessionClusterConfigurationTest {
    @TempDir
    Path workDir;

    private final LoopbackPorts.Distinct ports = new LoopbackPorts.Distinct();

    private Configuration configuration(int restPort) throws Exception {
        return FlinkSessionCluster.configuration(SessionClusterSettings.forStack(2, 4, restPort), workDir, ports);
    }

    @Test
    void theJobManagersServersGetThreeDifferentPortsAndNoneIsHandedOutAgain() throws Exception {
        Configuration conf = configuration(0);
        Set<Integer> jobManagerPorts = Set.of(conf.get(JobManagerOptions.PORT), conf.get(RestOptions.PORT),
                Integer.parseInt(conf.get(BlobServerOptions.PORT)));

        assertThat(jobManagerPorts).hasSize(3);
        for (int i = 0; i < 200; i++) {
            assertThat(ports.resolve(0)).isNotIn(jobManagerPorts);
        }
    }

    @Test
    void everyServerBindsToLoopbackOnAnExplicitPort() throws Exception {
        Configuration conf = configuration(18081);

        assertThat(conf.get(RestOptions.BIND_ADDRESS)).isEqualTo("127.0.0.1");
        assertThat(conf.get(JobManagerOptions.BIND_HOST)).isEqualTo("127.0.0.1");
        assertThat(conf.get(TaskManagerOptions.BIND_HOST)).isEqualTo("127.0.0.1");
        assertThat(conf.get(TaskManagerOptions.HOST)).isEqualTo("127.0.0.1");
        assertThat(conf.get(RestOptions.PORT)).isEqualTo(18081);
        assertThat(conf.get(RestOptions.BIND_PORT)).isEqualTo("18081");
        assertThat(conf.get(JobManagerOptions.PORT)).isPositive();
        assertThat(Integer.parseInt(conf.get(BlobServerOptions.PORT))).isPositive();
    }

    @Test
    void aFreeDashboardPortIsPickedAndWrittenDown() throws Exception {
        assertThat(configuration(0).get(RestOptions.PORT)).isPositive();
    }

    @Test
    void stateCheckpointsAndUploadsLiveInTheWorkDir() throws Exception {
        Configuration conf = configuration(0);

        assertThat(conf.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("rocksdb");
        assertThat(conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEqualTo(workDir.resolve("checkpoints").toUri().toString());
        assertThat(conf.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION))
                .isEqualTo(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        assertThat(conf.get(WebOptions.UPLOAD_DIR)).isEqualTo(workDir.resolve("uploads").toString());
        assertThat(conf.get(WebOptions.SUBMIT_ENABLE)).isTrue();
    }

    @Test
    void aLostTaskManagerIsNoticedInSecondsAndTheJobRestarts() throws Exception {
        Configuration conf = configuration(0);

        assertThat(conf.get(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT)).isLessThan(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT.defaultValue())
                .isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(conf.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("exponential-delay");
        assertThat(conf.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void settingsThatCannotWorkAreRejected() {
        SessionClusterSettings valid = SessionClusterSettings.forStack(1, 1, 0);
        assertThatThrownBy(() -> SessionClusterSettings.forStack(0, 4, 0)).hasMessageContaining("at least one TaskManager");
        assertThatThrownBy(() -> new SessionClusterSettings(1, 1, 0, valid.jobManagerProcessMemory(), valid.taskManagerProcessMemory(),
                Duration.ofSeconds(5), Duration.ofSeconds(5), valid.restartDelay(), valid.startTimeout(), valid.java(), valid.classpath()))
                .hasMessageContaining("must exceed the interval");
    }

    @Test
    void theChildJvmsGetFlinksModuleOpens() {
        assertThat(FlinkSessionCluster.JAVA_OPENS).contains("--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.base/java.lang=ALL-UNNAMED");
    }
}
