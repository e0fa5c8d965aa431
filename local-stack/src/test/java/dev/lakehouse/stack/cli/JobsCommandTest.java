package dev.lakehouse.stack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What `./lakehouse jobs` says when it cannot act; the commands themselves run in SavepointUpgradeIT. */
class JobsCommandTest {
    @TempDir
    Path warehouse;

    @Test
    void withoutARunningStackEachCommandSaysHowToStartOne() {
        for (String[] args : new String[][] {
                {"jobs", "list", "--warehouse", warehouse.toString()},
                {"jobs", "stop", "--warehouse", warehouse.toString(), "--savepoint"},
                {"jobs", "start", "--warehouse", warehouse.toString(), "--from-savepoint", warehouse.toString()}}) {
            StringWriter err = new StringWriter();
            int exit = new CommandLine(new LakehouseCli()).setErr(new PrintWriter(err, true)).execute(args);
            assertThat(exit).as(String.join(" ", args)).isEqualTo(1);
            assertThat(err.toString()).contains("No stack is running on " + warehouse).contains("./lakehouse demo --warehouse");
        }
    }

    @Test
    void stopRequiresTheSavepointFlag() {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new LakehouseCli()).setErr(new PrintWriter(err, true))
                .execute("jobs", "stop", "--warehouse", warehouse.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--savepoint");
    }
}
