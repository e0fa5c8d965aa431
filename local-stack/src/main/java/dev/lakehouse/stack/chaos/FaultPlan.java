package dev.lakehouse.stack.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * When, and which, faults a chaos run injects: the same seed always gives the same plan, so a failing run can be
 * repeated. With at least as many faults as there are kinds, every kind appears at least once; the rest are drawn at
 * random. Times are spread at random over the middle of the replay ({@value #EDGE_PERCENT}% kept clear at either end):
 * a fault before the first row or after the last proves little.
 */
public record FaultPlan(List<PlannedFault> faults) {
    static final int EDGE_PERCENT = 10;

    public FaultPlan {
        faults = List.copyOf(faults);
    }

    /** One fault and its time, counted from the start of the replay. */
    public record PlannedFault(Duration at, Fault fault) {}

    /**
     * @param count how many faults
     * @param seed the random seed
     * @param replay how long the replay is expected to take
     */
    public static FaultPlan create(int count, long seed, Duration replay) {
        if (count < 0) {
            throw new IllegalArgumentException("the number of faults must not be negative, got " + count);
        }
        if (replay.isNegative() || replay.isZero()) {
            throw new IllegalArgumentException("the replay duration must be positive, got " + replay);
        }
        Random random = new Random(seed);
        Fault[] kinds = Fault.values();
        List<Fault> chosen = new ArrayList<>();
        if (count >= kinds.length) {
            chosen.addAll(Arrays.asList(kinds));
        }
        while (chosen.size() < count) {
            chosen.add(kinds[random.nextInt(kinds.length)]);
        }
        Collections.shuffle(chosen, random);
        long window = replay.toMillis() * (100 - 2 * EDGE_PERCENT) / 100;
        long edge = replay.toMillis() * EDGE_PERCENT / 100;
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            times.add(edge + (window == 0 ? 0 : (long) (random.nextDouble() * window)));
        }
        Collections.sort(times);
        List<PlannedFault> planned = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            planned.add(new PlannedFault(Duration.ofMillis(times.get(i)), chosen.get(i)));
        }
        planned.sort(Comparator.comparing(PlannedFault::at));
        return new FaultPlan(planned);
    }
}
