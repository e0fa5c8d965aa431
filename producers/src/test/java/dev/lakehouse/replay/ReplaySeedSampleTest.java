package dev.lakehouse.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.contract.Source;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed sample replays completely, without rejections, in event-time order. */
class ReplaySeedSampleTest {

    @Test
    void replaysTheCommittedSample() {
        InMemorySender sender = new InMemorySender();
        ReplaySummary summary = ReplayProducer.run(ReplayOptions.builder(Path.of("..", "seeds"))
                .diagnostics(new PrintStream(OutputStream.nullOutputStream())).build(), sender);
        assertThat(summary.rejectedRows()).isZero();
        assertThat(summary.rowsPerTopic()).containsEntry(Source.CUSTOMER_EVENTS.topic(""), 5000L)
                .containsEntry(Source.PAYMENT_TRANSACTIONS.topic(""), 3000L)
                .containsEntry(Source.INVENTORY_SNAPSHOTS.topic(""), 2000L)
                .containsEntry(Source.SUPPORT_TICKETS.topic(""), 2000L);
        assertThat(sender.sent).extracting(InMemorySender.Sent::timestampMillis).isSorted();
    }
}
