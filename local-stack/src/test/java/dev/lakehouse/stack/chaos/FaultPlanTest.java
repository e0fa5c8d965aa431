package dev.lakehouse.stack.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultPlanTest {
    private static final Duration REPLAY = Duration.ofMinutes(2);

    @Test
    void theSameSeedGivesTheSamePlanAndAnotherSeedAnother() {
        assertThat(FaultPlan.create(20, 42, REPLAY)).isEqualTo(FaultPlan.create(20, 42, REPLAY));
        assertThat(FaultPlan.create(20, 42, REPLAY)).isNotEqualTo(FaultPlan.create(20, 43, REPLAY));
    }

    @Test
    void asManyFaultsAsKindsCoverEveryKind() {
        for (long seed = 0; seed < 50; seed++) {
            FaultPlan plan = FaultPlan.create(Fault.values().length, seed, REPLAY);
            assertThat(plan.faults()).extracting(FaultPlan.PlannedFault::fault).containsExactlyInAnyOrder(Fault.values());
            EnumSet<Fault> inTwenty = EnumSet.noneOf(Fault.class);
            FaultPlan.create(20, seed, REPLAY).faults().forEach(f -> inTwenty.add(f.fault()));
            assertThat(inTwenty).containsExactlyInAnyOrder(Fault.values());
        }
    }

    @Test
    void timesAreInOrderAndInsideTheMiddleOfTheReplay() {
        List<FaultPlan.PlannedFault> faults = FaultPlan.create(20, 7, REPLAY).faults();
        assertThat(faults).hasSize(20);
        assertThat(faults).extracting(FaultPlan.PlannedFault::at).isSorted()
                .allSatisfy(at -> assertThat(at).isBetween(Duration.ofSeconds(12), Duration.ofSeconds(108)));
    }

    @Test
    void fewerFaultsThanKindsAreDrawnAtRandomAndNoneIsAllowed() {
        assertThat(FaultPlan.create(3, 1, REPLAY).faults()).hasSize(3);
        assertThat(FaultPlan.create(0, 1, REPLAY).faults()).isEmpty();
        assertThatThrownBy(() -> FaultPlan.create(-1, 1, REPLAY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultPlan.create(6, 1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
