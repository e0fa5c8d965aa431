package dev.lakehouse.deployment.compose;

import dev.lakehouse.jobs.LakehouseJob;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Program arguments of the job jar, parsed by the job's own options ({@link LakehouseJob}): an argument the job
 * does not accept fails here as it would fail on the cluster.
 */
record JobCommandLine(LakehouseJob.Job job, List<HostPort> bootstrapServers, String catalogUri,
        Map<String, String> catalogProperties, String checkpointDir, String s3Endpoint, boolean s3PathStyleAccess,
        String s3Region) {

    static JobCommandLine parse(List<String> arguments) {
        ParseResult parsed = new CommandLine(new LakehouseJob()).parseArgs(arguments.toArray(String[]::new));
        return new JobCommandLine(
                parsed.matchedOptionValue("--job", LakehouseJob.Job.lakehouse),
                servers(parsed.matchedOptionValue("--bootstrap-servers", "")),
                parsed.matchedOptionValue("--catalog-uri", ""),
                parsed.matchedOptionValue("--catalog-property", Map.of()),
                parsed.matchedOptionValue("--checkpoint-dir", ""),
                parsed.matchedOptionValue("--s3-endpoint", ""),
                parsed.matchedOptionValue("--s3-path-style-access", false),
                parsed.matchedOptionValue("--s3-region", ""));
    }

    static List<HostPort> servers(String bootstrapServers) {
        return Arrays.stream(bootstrapServers.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(HostPort::parse).toList();
    }
}
