package dev.lakehouse.stack.flink;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/**
 * What {@code GET /jobs/:id/checkpoints} says about a job's newest completed checkpoint (or savepoint) and the one it
 * was restored from.
 *
 * @param latestCompletedId the newest completed checkpoint's id, -1 when none completed
 * @param latestCompletedAt when it completed, null when none did
 * @param latestCompletedPath its external path, null when none completed
 * @param restoredFrom the external path of the checkpoint or savepoint the job restored from, null when it started empty
 * @param latestSavepointPath the newest savepoint of the job (Flink counts savepoints apart from checkpoints), or null
 */
public record CheckpointSummary(long latestCompletedId, Instant latestCompletedAt, String latestCompletedPath, String restoredFrom,
        String latestSavepointPath) {

    public static CheckpointSummary parse(JsonNode checkpoints) {
        JsonNode latest = checkpoints.path("latest");
        JsonNode completed = latest.path("completed");
        JsonNode restored = latest.path("restored");
        JsonNode savepoint = latest.path("savepoint");
        boolean anyCompleted = completed.isObject();
        return new CheckpointSummary(
                anyCompleted ? completed.path("id").asLong() : -1,
                anyCompleted ? Instant.ofEpochMilli(completed.path("latest_ack_timestamp").asLong()) : null,
                anyCompleted ? completed.path("external_path").asText(null) : null,
                restored.isObject() ? restored.path("external_path").asText(null) : null,
                savepoint.isObject() ? savepoint.path("external_path").asText(null) : null);
    }

    public Optional<String> savepoint() {
        return Optional.ofNullable(latestSavepointPath);
    }

    public Optional<String> restored() {
        return Optional.ofNullable(restoredFrom);
    }
}
