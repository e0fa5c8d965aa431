package dev.lakehouse.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.types.RowKind;
import org.junit.jupiter.api.Test;

class LatestChangePerKeyTest {
    private final LatestChangePerKey<String, String> changes = new LatestChangePerKey<>();

    @Test
    void keepsOnlyTheLastChangeOfEachKey() {
        changes.add("a", RowKind.INSERT, "a1");
        changes.add("b", RowKind.INSERT, "b1");
        changes.add("a", RowKind.UPDATE_AFTER, "a2");
        changes.add("a", RowKind.UPDATE_AFTER, "a3");

        assertThat(drained()).containsExactlyInAnyOrder("a3", "b1");
    }

    @Test
    void aDeleteAfterAnInsertIsKeptAsTheDelete() {
        // The key may exist in the table from an earlier commit: the delete must still reach the sink.
        changes.add("a", RowKind.INSERT, "a1");
        changes.add("a", RowKind.DELETE, "a-deleted");

        assertThat(drained()).containsExactly("a-deleted");
    }

    @Test
    void anInsertAfterADeleteWins() {
        changes.add("a", RowKind.DELETE, "a-deleted");
        changes.add("a", RowKind.INSERT, "a2");

        assertThat(drained()).containsExactly("a2");
    }

    @Test
    void updateBeforeRowsAreIgnored() {
        changes.add("a", RowKind.INSERT, "a1");
        changes.add("a", RowKind.UPDATE_BEFORE, "a1-before");

        assertThat(drained()).containsExactly("a1");
    }

    @Test
    void drainingForgetsTheChanges() {
        changes.add("a", RowKind.INSERT, "a1");
        drained();

        assertThat(changes.size()).isZero();
        assertThat(drained()).isEmpty();
    }

    private List<String> drained() {
        List<String> out = new ArrayList<>();
        changes.drainTo(out::add);
        return out;
    }
}
