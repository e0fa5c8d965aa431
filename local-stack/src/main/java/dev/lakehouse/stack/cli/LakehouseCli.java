package dev.lakehouse.stack.cli;

import dev.lakehouse.badinput.InjectBadRecordsCommand;
import dev.lakehouse.replay.ReplayCommand;
import dev.lakehouse.seeds.SeedGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./lakehouse}: one entry point for the local stack and its tools. */
@Command(name = "lakehouse", mixinStandardHelpOptions = true,
        description = "Streaming lakehouse: Kafka → Flink → Iceberg, on one machine.",
        subcommands = {DemoCommand.class, ChaosCommand.class, SqlCommand.class, JobsCommand.class, BenchCommand.class, BenchBadInputCommand.class,
            FreshnessCommand.class, SoakCommand.class, SeedGenerator.class, ReplayCommand.class, InjectBadRecordsCommand.class})
public final class LakehouseCli implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new LakehouseCli()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
