package dev.lakehouse.seeds;

/**
 * The most recent entries of (customer, time, label), overwriting the oldest: recent purchasers for
 * follow-up payments, recent orders for support tickets. Bounded, so the generator's memory stays flat.
 */
final class RecentRing {
    private final int[] customers;
    private final long[] times;
    private final String[] labels;
    private long added;

    RecentRing(int capacity) {
        customers = new int[capacity];
        times = new long[capacity];
        labels = new String[capacity];
    }

    void add(int customer, long epochSecond, String label) {
        int slot = (int) (added++ % customers.length);
        customers[slot] = customer;
        times[slot] = epochSecond;
        labels[slot] = label;
    }

    boolean isEmpty() {
        return added == 0;
    }

    /** A random entry among the {@code window} most recent ones; the newest are likelier. */
    int pickRecent(SeedRandom random, int window) {
        int size = (int) Math.min(added, Math.min(window, customers.length));
        double u = random.nextDouble();
        int back = (int) (size * u * u);
        return (int) ((added - 1 - back) % customers.length);
    }

    /** A uniformly random entry among all held. */
    int pickAny(SeedRandom random) {
        return random.nextInt((int) Math.min(added, customers.length));
    }

    int customer(int slot) {
        return customers[slot];
    }

    long time(int slot) {
        return times[slot];
    }

    String label(int slot) {
        return labels[slot];
    }
}
