package dev.lakehouse.badinput;

import dev.lakehouse.contract.RowParser;
import dev.lakehouse.replay.ReplayOptions;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code inject-bad-records}: bad records of every kind, straight into the source topics. */
@Command(name = "inject-bad-records", mixinStandardHelpOptions = true,
        description = "Write bad records of every kind straight into the source topics (no producer checks), "
                + "then print what was sent per kind and what bronze should do with it.")
public final class InjectBadRecordsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--bootstrap-servers", defaultValue = ReplayOptions.DEFAULT_BOOTSTRAP_SERVERS,
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--topic-prefix", defaultValue = "", description = "Prefix for every topic name (default: none).")
    String topicPrefix;

    @Option(names = "--count", required = true, description = "How many records.")
    long count;

    @Option(names = "--seed", defaultValue = "42", description = "The same seed writes the same bytes (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--kafka-properties", description = "File of extra Kafka producer properties (TLS, SASL, tuning).")
    Path kafkaProperties;

    @Option(names = "--max-record-bytes", defaultValue = "" + RowParser.DEFAULT_MAX_RECORD_BYTES,
            description = "The job's --max-record-bytes: records are made at and one byte over it (default: ${DEFAULT-VALUE}).")
    int maxRecordBytes;

    @Option(names = "--record-time", defaultValue = "2024-01-01T00:00:00Z",
            description = "Kafka timestamp and event time of the records (default: ${DEFAULT-VALUE}, the start of the seed "
                    + "data's year, so they never move the job's watermark past a replayed history).")
    Instant recordTime;

    public static void main(String[] args) {
        System.exit(new CommandLine(new InjectBadRecordsCommand()).execute(args));
    }

    @Override
    public Integer call() {
        if (count < 0) {
            System.err.println("--count must not be negative");
            return CommandLine.ExitCode.USAGE;
        }
        Properties overrides = new Properties();
        if (kafkaProperties != null) {
            try (Reader reader = Files.newBufferedReader(kafkaProperties, StandardCharsets.UTF_8)) {
                overrides.load(reader);
            } catch (IOException e) {
                System.err.println("cannot read --kafka-properties " + kafkaProperties + ": " + e);
                return CommandLine.ExitCode.USAGE;
            }
        }
        BadRecordGenerator generator = new BadRecordGenerator(seed, maxRecordBytes, recordTime.atOffset(ZoneOffset.UTC).toLocalDateTime());
        InjectionSummary summary;
        try (BadRecordInjector injector = new BadRecordInjector(bootstrapServers, overrides, topicPrefix, recordTime)) {
            summary = new InjectionSummary(injector.send(generator.records(count)));
        } catch (IllegalStateException e) {
            System.err.println("inject-bad-records failed: " + e.getMessage());
            return CommandLine.ExitCode.SOFTWARE;
        }
        spec.commandLine().getOut().print(summary.describe());
        spec.commandLine().getOut().flush();
        return CommandLine.ExitCode.OK;
    }
}
