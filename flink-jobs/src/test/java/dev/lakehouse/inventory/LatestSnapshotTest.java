package dev.lakehouse.inventory;

import static dev.lakehouse.inventory.Snapshots.DAY;
import static dev.lakehouse.inventory.Snapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatestSnapshotTest {

    @Test
    void anySnapshotReplacesNone() {
        assertThat(LatestSnapshot.isNewer(snapshot("SNAP000000001", DAY), null)).isTrue();
    }

    @Test
    void laterDateWinsWhateverTheId() {
        InventorySnapshot older = snapshot("SNAP000000009", DAY);
        InventorySnapshot newer = snapshot("SNAP000000001", DAY.plusDays(1));

        assertThat(LatestSnapshot.isNewer(newer, older)).isTrue();
        assertThat(LatestSnapshot.isNewer(older, newer)).isFalse();
    }

    @Test
    void onTheSameDateTheGreaterSnapshotIdWins() {
        InventorySnapshot smaller = snapshot("SNAP000000041", DAY);
        InventorySnapshot greater = snapshot("SNAP000000042", DAY);

        assertThat(LatestSnapshot.isNewer(greater, smaller)).isTrue();
        assertThat(LatestSnapshot.isNewer(smaller, greater)).isFalse();
    }

    @Test
    void theSameSnapshotAgainIsNotNewer() {
        InventorySnapshot snapshot = snapshot("SNAP000000042", DAY);

        assertThat(LatestSnapshot.isNewer(snapshot, snapshot("SNAP000000042", DAY))).isFalse();
    }

    @Test
    void arrivalOrderDoesNotChangeTheLatest() {
        List<InventorySnapshot> snapshots = new ArrayList<>(List.of(
                snapshot("SNAP000000001", DAY),
                snapshot("SNAP000000007", DAY.plusDays(2)),
                snapshot("SNAP000000005", DAY.plusDays(2)),
                snapshot("SNAP000000009", DAY.plusDays(1))));
        Random random = new Random(42);
        for (int round = 0; round < 20; round++) {
            Collections.shuffle(snapshots, random);
            InventorySnapshot current = null;
            for (InventorySnapshot candidate : snapshots) {
                if (LatestSnapshot.isNewer(candidate, current)) {
                    current = candidate;
                }
            }

            assertThat(current.snapshotId()).isEqualTo("SNAP000000007");
        }
    }
}
