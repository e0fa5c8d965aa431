package dev.lakehouse.seeds;

import java.util.SplittableRandom;

/** Random helpers over one {@link SplittableRandom}; one instance per generator keeps each file's stream stable. */
final class SeedRandom {
    private final SplittableRandom random;

    SeedRandom(long seed, int stream) {
        this.random = new SplittableRandom(mix(seed * 31 + stream));
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Uniform in {@code [from, to]}, both inclusive. */
    int between(int from, int to) {
        return random.nextInt(from, to + 1);
    }

    long between(long from, long to) {
        return random.nextLong(from, to + 1);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    double nextDouble() {
        return random.nextDouble();
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** Index into {@code cumulativeWeights} (ascending running totals) chosen with those weights. */
    int weighted(int[] cumulativeWeights) {
        int draw = random.nextInt(cumulativeWeights[cumulativeWeights.length - 1]);
        int index = 0;
        while (cumulativeWeights[index] <= draw) {
            index++;
        }
        return index;
    }

    /** Running totals of {@code weights}, for {@link #weighted(int[])}. */
    static int[] cumulative(int... weights) {
        int[] totals = new int[weights.length];
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            totals[i] = sum;
        }
        return totals;
    }

    /** SplitMix64's finaliser: a well-spread 64-bit hash, used for per-customer and per-product traits. */
    static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
