package dev.lakehouse.deployment.k8s;

import dev.lakehouse.jobs.LakehouseJob;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/** A FlinkDeployment's program arguments, parsed by the job jar's own options: what the job would see. */
final class JobArguments {

    private final CommandLine.ParseResult parsed;

    private JobArguments(CommandLine.ParseResult parsed) {
        this.parsed = parsed;
    }

    /** The parsed arguments; an {@link AssertionError} with picocli's message when the job would reject them. */
    static JobArguments parse(String owner, List<String> args) {
        try {
            return new JobArguments(new CommandLine(new LakehouseJob()).parseArgs(args.toArray(String[]::new)));
        } catch (CommandLine.ParameterException e) {
            throw new AssertionError(owner + ": the job rejects its arguments " + args + ": " + e.getMessage(), e);
        }
    }

    String job() {
        return String.valueOf(parsed.matchedOptionValue("--job", LakehouseJob.Job.lakehouse));
    }

    String bootstrapServers() {
        return parsed.matchedOptionValue("--bootstrap-servers", null);
    }

    String catalogUri() {
        return parsed.matchedOptionValue("--catalog-uri", null);
    }

    Optional<String> catalogProperty(String key) {
        Map<String, String> properties = parsed.matchedOptionValue("--catalog-property", Map.of());
        return Optional.ofNullable(properties.get(key));
    }

    Optional<String> checkpointDir() {
        return Optional.ofNullable(parsed.matchedOptionValue("--checkpoint-dir", null));
    }

    Optional<String> s3Endpoint() {
        return Optional.ofNullable(parsed.matchedOptionValue("--s3-endpoint", null));
    }

    Optional<String> s3Region() {
        return Optional.ofNullable(parsed.matchedOptionValue("--s3-region", null));
    }

    boolean s3PathStyleAccess() {
        return parsed.hasMatchedOption("--s3-path-style-access");
    }

    boolean hasKafkaProperties() {
        return parsed.hasMatchedOption("--kafka-properties");
    }
}
