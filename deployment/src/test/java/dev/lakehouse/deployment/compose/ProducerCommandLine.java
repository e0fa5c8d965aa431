package dev.lakehouse.deployment.compose;

import dev.lakehouse.replay.ReplayCommand;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Arguments of the replay producer, parsed by its own options ({@link ReplayCommand}). */
record ProducerCommandLine(Path seeds, List<HostPort> bootstrapServers) {

    static ProducerCommandLine parse(List<String> arguments) {
        ParseResult parsed = new CommandLine(new ReplayCommand()).parseArgs(arguments.toArray(String[]::new));
        Path seeds = parsed.matchedOptionValue("--seeds", null);
        return new ProducerCommandLine(seeds, JobCommandLine.servers(parsed.matchedOptionValue("--bootstrap-servers", "")));
    }
}
