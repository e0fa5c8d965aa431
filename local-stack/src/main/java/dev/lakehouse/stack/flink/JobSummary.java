package dev.lakehouse.stack.flink;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One job of {@code GET /jobs/overview}: what {@code ./lakehouse jobs list} shows.
 *
 * @param startTime when the job was submitted
 */
public record JobSummary(String id, String name, String state, Instant startTime) {

    /** Parses {@code {"jobs":[{"jid","name","state","start-time"(epoch ms)},…]}}, newest first. */
    public static List<JobSummary> parseOverview(JsonNode overview) {
        List<JobSummary> jobs = new ArrayList<>();
        overview.path("jobs").forEach(job -> jobs.add(new JobSummary(job.path("jid").asText(), job.path("name").asText(),
                job.path("state").asText(), Instant.ofEpochMilli(job.path("start-time").asLong()))));
        jobs.sort((a, b) -> b.startTime().compareTo(a.startTime()));
        return jobs;
    }

    public boolean isRunning() {
        return state.equals("RUNNING");
    }
}
