package dev.lakehouse.stack.flink;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The state of an asynchronous savepoint operation ({@code GET /jobs/:id/savepoints/:triggerId}): still running, done
 * with the savepoint's location, or failed with Flink's reason.
 *
 * @param location the savepoint's path (e.g. {@code file:/…/savepoint-1a2b3c-…}) once completed, else null
 * @param failureCause Flink's stack trace of the failure, else null
 */
public record SavepointStatus(boolean completed, String location, String failureCause) {

    /** Parses Flink's answer: {@code {"status":{"id":"COMPLETED"},"operation":{"location":…}|{"failure-cause":…}}}. */
    public static SavepointStatus parse(JsonNode response) {
        boolean completed = response.path("status").path("id").asText().equals("COMPLETED");
        JsonNode operation = response.path("operation");
        JsonNode failure = operation.path("failure-cause");
        String cause = failure.isMissingNode() || failure.isNull()
                ? null
                : failure.path("stack-trace").asText(failure.path("class").asText(failure.toString()));
        String location = operation.path("location").isTextual() ? operation.path("location").asText() : null;
        return new SavepointStatus(completed, location, cause);
    }

    public boolean failed() {
        return completed && failureCause != null;
    }

    /** The savepoint's location when it completed successfully. */
    public Optional<String> savepoint() {
        return completed && failureCause == null ? Optional.ofNullable(location) : Optional.empty();
    }
}
