package dev.lakehouse.stack.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakehouse.stack.Polling;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.OptionalLong;
import java.util.UUID;

/** The few calls of Flink's REST API that a user makes from the dashboard: upload a jar, run it, watch the job. */
public final class FlinkRestClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the REST API reports as the TaskManager of a task that is not deployed. */
    private static final String UNASSIGNED = "(unassigned)";

    private final URI base;
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public FlinkRestClient(URI base) {
        this.base = base;
    }

    /** {@code POST /jars/upload}; returns the jar id the run call needs. */
    public String uploadJar(Path jar) throws IOException, InterruptedException {
        String boundary = "lakehouse-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"jarfile\"; filename=\"" + jar.getFileName() + "\"\r\n"
                + "Content-Type: application/x-java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(jar));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        JsonNode response = send(HttpRequest.newBuilder(base.resolve("/jars/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        String file = response.path("filename").asText();
        return file.substring(file.lastIndexOf('/') + 1);
    }

    /**
     * {@code POST /jars/:id/run}; returns the job id.
     *
     * @param savepointPath a checkpoint or savepoint to resume from, or null
     */
    public String runJar(String jarId, String entryClass, List<String> programArgs, int parallelism, String savepointPath)
            throws IOException, InterruptedException {
        return runJar(jarId, entryClass, programArgs, parallelism, savepointPath, false);
    }

    /** @param allowNonRestoredState start even when the savepoint holds state of operators the job no longer has */
    public String runJar(String jarId, String entryClass, List<String> programArgs, int parallelism, String savepointPath,
            boolean allowNonRestoredState) throws IOException, InterruptedException {
        ObjectNode request = JSON.createObjectNode();
        request.put("entryClass", entryClass);
        request.set("programArgsList", JSON.valueToTree(programArgs));
        if (parallelism > 0) {
            request.put("parallelism", parallelism);
        }
        if (savepointPath != null) {
            request.put("savepointPath", savepointPath);
            request.put("allowNonRestoredState", allowNonRestoredState);
        }
        JsonNode response = send(HttpRequest.newBuilder(base.resolve("/jars/" + jarId + "/run"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))));
        return response.path("jobid").asText();
    }

    public void deleteJar(String jarId) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(base.resolve("/jars/" + jarId)).DELETE());
    }

    /** RUNNING, FAILED, …, from {@code GET /jobs/:id}. */
    public String jobState(String jobId) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve("/jobs/" + jobId)).GET()).path("state").asText();
    }

    /** The id of the latest completed checkpoint, if any. */
    public OptionalLong latestCompletedCheckpoint(String jobId) throws IOException, InterruptedException {
        JsonNode completed = send(HttpRequest.newBuilder(base.resolve("/jobs/" + jobId + "/checkpoints")).GET())
                .path("latest").path("completed");
        return completed.isMissingNode() || completed.isNull() ? OptionalLong.empty() : OptionalLong.of(completed.path("id").asLong());
    }

    /** Checkpoint statistics of a job ({@code GET /jobs/:id/checkpoints}). */
    public JsonNode checkpoints(String jobId) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve("/jobs/" + jobId + "/checkpoints")).GET());
    }

    /** One checkpoint's statistics per vertex ({@code GET /jobs/:id/checkpoints/details/:checkpointId}). */
    public JsonNode checkpointDetails(String jobId, long checkpointId) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve("/jobs/" + jobId + "/checkpoints/details/" + checkpointId)).GET());
    }

    /** {@link #checkpoints} parsed: the newest completed checkpoint and what the job restored from. */
    public CheckpointSummary checkpointSummary(String jobId) throws IOException, InterruptedException {
        return CheckpointSummary.parse(checkpoints(jobId));
    }

    /** Every job the cluster knows, newest first ({@code GET /jobs/overview}). */
    public List<JobSummary> jobSummaries() throws IOException, InterruptedException {
        return JobSummary.parseOverview(overview());
    }

    /**
     * {@code POST /jobs/:id/stop}: stop-with-savepoint. The sources stop, a final savepoint is written to
     * {@code targetDirectory} (the sinks commit it) and the job ends FINISHED. Without draining: event time does not jump
     * to the end, so open sessions and timers stay in the savepoint for the next version of the job. Returns the trigger
     * id to poll with {@link #savepointStatus}.
     */
    public String stopWithSavepoint(String jobId, String targetDirectory) throws IOException, InterruptedException {
        ObjectNode request = JSON.createObjectNode();
        request.put("targetDirectory", targetDirectory);
        request.put("drain", false);
        JsonNode response = send(HttpRequest.newBuilder(base.resolve("/jobs/" + jobId + "/stop"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))));
        return response.path("request-id").asText();
    }

    /** {@code GET /jobs/:id/savepoints/:triggerId}: whether the savepoint is done, and where it is. */
    public SavepointStatus savepointStatus(String jobId, String triggerId) throws IOException, InterruptedException {
        return SavepointStatus.parse(send(HttpRequest.newBuilder(base.resolve("/jobs/" + jobId + "/savepoints/" + triggerId)).GET()));
    }

    /** The root cause Flink recorded for a failing job, for error messages. */
    public String rootException(String jobId) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve("/jobs/" + jobId + "/exceptions")).GET())
                .path("exceptionHistory").path("entries").path(0).path("stacktrace").asText("");
    }

    /**
     * How often the job has restarted since it was submitted (the job metric {@code numRestarts}); 0 for a job that
     * never failed. Empty until the dashboard has fetched the job's metrics, which it does on the first request.
     */
    public OptionalLong numRestarts(String jobId) throws IOException, InterruptedException {
        JsonNode metrics = send(HttpRequest.newBuilder(base.resolve("/jobs/" + jobId + "/metrics?get=numRestarts")).GET());
        for (JsonNode metric : metrics) {
            if (metric.path("id").asText().equals("numRestarts")) {
                return OptionalLong.of(metric.path("value").asLong());
            }
        }
        return OptionalLong.empty();
    }

    /** A JobManager metric such as {@code Status.JVM.Memory.Heap.Used}; empty until Flink reports it. */
    public OptionalLong jobManagerMetric(String metric) throws IOException, InterruptedException {
        return metric(send(HttpRequest.newBuilder(base.resolve("/jobmanager/metrics?get=" + metric)).GET()), metric);
    }

    /** A metric of one TaskManager (by resource id), such as {@code Status.JVM.Memory.Heap.Used}; empty until reported. */
    public OptionalLong taskManagerMetric(String taskManagerId, String metric) throws IOException, InterruptedException {
        return metric(send(HttpRequest.newBuilder(base.resolve("/taskmanagers/" + taskManagerId + "/metrics?get=" + metric)).GET()),
                metric);
    }

    private static OptionalLong metric(JsonNode metrics, String name) {
        for (JsonNode metric : metrics) {
            if (metric.path("id").asText().equals(name) && !metric.path("value").asText().isEmpty()) {
                return OptionalLong.of((long) Double.parseDouble(metric.path("value").asText()));
            }
        }
        return OptionalLong.empty();
    }

    /** {@link #numRestarts}, waiting up to 30 s for Flink to report it. */
    public long restartCount(String jobId) throws Exception {
        OptionalLong[] restarts = {OptionalLong.empty()};
        Polling.until(Duration.ofSeconds(30), () -> "the numRestarts metric of job " + jobId, () -> {
            restarts[0] = numRestarts(jobId);
            return restarts[0].isPresent();
        });
        return restarts[0].getAsLong();
    }

    /** The failures Flink recorded for a job ({@code GET /jobs/:id/exceptions}); empty for a job that never failed. */
    public JsonNode exceptionHistory(String jobId) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve("/jobs/" + jobId + "/exceptions")).GET()).path("exceptionHistory").path("entries");
    }

    public JsonNode overview() throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve("/jobs/overview")).GET());
    }

    /** Every job the cluster knows, id to state (RUNNING, CANCELED, …). */
    public Map<String, String> jobStates() throws IOException, InterruptedException {
        Map<String, String> states = new LinkedHashMap<>();
        overview().path("jobs").forEach(job -> states.put(job.path("jid").asText(), job.path("state").asText()));
        return states;
    }

    /** {@code PATCH /jobs/:id?mode=cancel}, the dashboard's Cancel Job; returns at once, the job cancels in the background. */
    public void cancelJob(String jobId) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(base.resolve("/jobs/" + jobId + "?mode=cancel"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()));
    }

    /** {@code GET /overview}: TaskManagers, slots (total and available) and jobs of the cluster. */
    public JsonNode clusterOverview() throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve("/overview")).GET());
    }

    /** The resource ids of the TaskManagers registered with the cluster's resource manager. */
    public Set<String> taskManagerIds() throws IOException, InterruptedException {
        Set<String> ids = new LinkedHashSet<>();
        send(HttpRequest.newBuilder(base.resolve("/taskmanagers")).GET()).path("taskmanagers")
                .forEach(taskManager -> ids.add(taskManager.path("id").asText()));
        return ids;
    }

    /** {@code GET /jobs/:id}: state, and each vertex with its status and task counts. */
    public JsonNode job(String jobId) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve("/jobs/" + jobId)).GET());
    }

    /** True when the job and every one of its tasks are RUNNING, as after a (re)start has completed. */
    public boolean allTasksRunning(String jobId) throws IOException, InterruptedException {
        JsonNode job = job(jobId);
        if (!job.path("state").asText().equals("RUNNING")) {
            return false;
        }
        for (JsonNode vertex : job.path("vertices")) {
            if (vertex.path("tasks").path("RUNNING").asInt() != vertex.path("parallelism").asInt()) {
                return false;
            }
        }
        return true;
    }

    /** The resource ids of the TaskManagers that run tasks of the job (tasks not deployed yet are left out). */
    public Set<String> taskManagersOf(String jobId) throws IOException, InterruptedException {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode vertex : job(jobId).path("vertices")) {
            send(HttpRequest.newBuilder(base.resolve("/jobs/" + jobId + "/vertices/" + vertex.path("id").asText() + "/taskmanagers")).GET())
                    .path("taskmanagers").forEach(taskManager -> {
                        String id = taskManager.path("taskmanager-id").asText();
                        if (!id.isEmpty() && !id.equals(UNASSIGNED)) {
                            ids.add(id);
                        }
                    });
        }
        return ids;
    }

    /** The JobManager's threads and their stacks ({@code GET /jobmanager/thread-dump}), as the dashboard shows them. */
    public String jobManagerThreadDump() throws IOException, InterruptedException {
        return threadDump(send(HttpRequest.newBuilder(base.resolve("/jobmanager/thread-dump")).GET()));
    }

    /** A TaskManager's threads and their stacks ({@code GET /taskmanagers/:id/thread-dump}). */
    public String taskManagerThreadDump(String taskManagerId) throws IOException, InterruptedException {
        return threadDump(send(HttpRequest.newBuilder(base.resolve("/taskmanagers/" + taskManagerId + "/thread-dump")).GET()));
    }

    private static String threadDump(JsonNode answer) {
        StringBuilder text = new StringBuilder();
        answer.path("threadInfos").forEach(thread -> text.append(thread.path("stringifiedThreadInfo").asText()).append('\n'));
        return text.toString();
    }

    public String dashboardHtml() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        // Generous: POST /jars/:id/run answers only after the job's main() ran in the JobManager (it creates the tables
        // and plans the gold SQL), which took over 2 minutes on a 2-core machine busy with other builds.
        HttpResponse<String> response = http.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException("Flink REST " + response.request().method() + " " + response.request().uri()
                    + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }
}
