package dev.lakehouse.replay;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code replay}: publishes a seeds folder to Kafka in event-time order. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay the seed CSV files into Kafka, merged in event-time order.")
public final class ReplayCommand implements Callable<Integer> {

    @Option(names = "--seeds", required = true, description = "Folder with the contract CSV files.")
    Path seeds;

    @Option(names = "--bootstrap-servers", defaultValue = ReplayOptions.DEFAULT_BOOTSTRAP_SERVERS,
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--topic-prefix", defaultValue = "", description = "Prefix for every topic name (default: none).")
    String topicPrefix;

    @Option(names = "--speed", defaultValue = "max", converter = SpeedConverter.class,
            description = "max, or a speed-up of event time such as 3600x (default: ${DEFAULT-VALUE}).")
    ReplaySpeed speed;

    @Option(names = "--limit", description = "Stop after this many rows.")
    Long limit;

    @Option(names = "--kafka-properties", description = "File of extra Kafka producer properties (TLS, SASL, tuning).")
    Path kafkaProperties;

    public static final class SpeedConverter implements CommandLine.ITypeConverter<ReplaySpeed> {
        @Override
        public ReplaySpeed convert(String value) {
            try {
                return ReplaySpeed.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ReplayCommand()).execute(args));
    }

    @Override
    public Integer call() {
        if (limit != null && limit < 0) {
            System.err.println("--limit must not be negative");
            return CommandLine.ExitCode.USAGE;
        }
        Properties extraProperties;
        try {
            extraProperties = loadProperties();
        } catch (IOException e) {
            System.err.println("cannot read --kafka-properties " + kafkaProperties + ": " + e);
            return CommandLine.ExitCode.USAGE;
        }
        ReplayOptions.Builder options = ReplayOptions.builder(seeds)
                .bootstrapServers(bootstrapServers)
                .topicPrefix(topicPrefix)
                .speed(speed)
                .kafkaProperties(extraProperties);
        if (limit != null) {
            options.limit(limit);
        }
        ReplaySummary summary;
        try (ConsoleProgress progress = ConsoleProgress.forConsole()) {
            summary = ReplayProducer.run(options.progressListener(progress).build());
        } catch (SeedFileException | ReplayFailedException e) {
            System.err.println("replay failed: " + e.getMessage());
            return CommandLine.ExitCode.SOFTWARE;
        }
        System.out.print(summary.describe());
        return CommandLine.ExitCode.OK;
    }

    private Properties loadProperties() throws IOException {
        Properties properties = new Properties();
        if (kafkaProperties != null) {
            try (Reader reader = Files.newBufferedReader(kafkaProperties, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        }
        return properties;
    }
}
