package dev.lakehouse.stack.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing of the Flink REST answers that `./lakehouse jobs` reads, on answers as Flink 2.0 writes them. */
class RestAnswersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSavepointInProgressIsNotCompleted() throws Exception {
        SavepointStatus status = SavepointStatus.parse(json("{\"status\":{\"id\":\"IN_PROGRESS\"}}"));
        assertThat(status.completed()).isFalse();
        assertThat(status.failed()).isFalse();
        assertThat(status.savepoint()).isEmpty();
    }

    @Test
    void aCompletedSavepointHasItsLocation() throws Exception {
        SavepointStatus status = SavepointStatus.parse(json(
                "{\"status\":{\"id\":\"COMPLETED\"},\"operation\":{\"location\":\"file:/w/_stack/flink/savepoints/lakehouse/savepoint-1a2b3c-d4e5f6\"}}"));
        assertThat(status.failed()).isFalse();
        assertThat(status.savepoint()).contains("file:/w/_stack/flink/savepoints/lakehouse/savepoint-1a2b3c-d4e5f6");
    }

    @Test
    void aFailedSavepointHasItsCause() throws Exception {
        SavepointStatus status = SavepointStatus.parse(json("{\"status\":{\"id\":\"COMPLETED\"},\"operation\":{\"failure-cause\":"
                + "{\"class\":\"java.util.concurrent.CompletionException\",\"stack-trace\":\"CheckpointException: Task not running\"}}}"));
        assertThat(status.failed()).isTrue();
        assertThat(status.failureCause()).contains("Task not running");
        assertThat(status.savepoint()).isEmpty();
    }

    @Test
    void theJobsOverviewIsListedNewestFirst() throws Exception {
        List<JobSummary> jobs = JobSummary.parseOverview(json("{\"jobs\":["
                + "{\"jid\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\"name\":\"lakehouse\",\"state\":\"FINISHED\",\"start-time\":1000},"
                + "{\"jid\":\"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\",\"name\":\"lakehouse\",\"state\":\"RUNNING\",\"start-time\":2000}]}"));
        assertThat(jobs).containsExactly(
                new JobSummary("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "lakehouse", "RUNNING", Instant.ofEpochMilli(2000)),
                new JobSummary("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "lakehouse", "FINISHED", Instant.ofEpochMilli(1000)));
        assertThat(jobs.get(0).isRunning()).isTrue();
    }

    @Test
    void checkpointStatisticsGiveTheLatestAndTheRestoredOne() throws Exception {
        CheckpointSummary summary = CheckpointSummary.parse(json("{\"latest\":{"
                + "\"completed\":{\"id\":12,\"latest_ack_timestamp\":5000,\"external_path\":\"file:/c/job/chk-12\"},"
                + "\"savepoint\":{\"id\":13,\"external_path\":\"file:/s/savepoint-1a2b3c-999999\"},"
                + "\"restored\":{\"id\":7,\"is_savepoint\":true,\"external_path\":\"file:/s/savepoint-1a2b3c-d4e5f6\"}}}"));
        assertThat(summary).isEqualTo(new CheckpointSummary(12, Instant.ofEpochMilli(5000), "file:/c/job/chk-12",
                "file:/s/savepoint-1a2b3c-d4e5f6", "file:/s/savepoint-1a2b3c-999999"));
    }

    @Test
    void aJobWithoutCheckpointsHasNone() throws Exception {
        CheckpointSummary summary = CheckpointSummary.parse(json("{\"latest\":{\"completed\":null,\"restored\":null}}"));
        assertThat(summary.latestCompletedId()).isEqualTo(-1);
        assertThat(summary.restored()).isEmpty();
        assertThat(summary.savepoint()).isEmpty();
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
