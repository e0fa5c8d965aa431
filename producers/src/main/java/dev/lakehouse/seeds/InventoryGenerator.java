package dev.lakehouse.seeds;

import java.util.TreeSet;

/**
 * Daily inventory snapshots of a fixed set of (product, warehouse) pairs. Each pair's stock evolves from day
 * to day: sales draw it down, a delivery of the reorder quantity arrives after it falls to the reorder point.
 */
final class InventoryGenerator {
    private static final int MAX_ON_HAND = 5000;

    private final Population population;
    private final SeedRandom random;
    private final SeedFileWriter out;
    private final StockedItem[] items;

    /** One tracked (product, warehouse) pair and its current stock. */
    private static final class StockedItem {
        final int product;
        final int warehouse;
        final int reorderPoint;
        final int reorderQuantity;
        int onHand;
        long lastReceivedDay;

        StockedItem(int product, int warehouse, int reorderPoint, int reorderQuantity, int onHand, long lastReceivedDay) {
            this.product = product;
            this.warehouse = warehouse;
            this.reorderPoint = reorderPoint;
            this.reorderQuantity = reorderQuantity;
            this.onHand = onHand;
            this.lastReceivedDay = lastReceivedDay;
        }
    }

    /** @param pairs how many pairs to track: the most snapshots any day needs */
    InventoryGenerator(Population population, long seed, SeedFileWriter out, int pairs) {
        if (pairs > Population.PRODUCTS * Population.WAREHOUSES) {
            throw new IllegalArgumentException("at most " + Population.PRODUCTS * Population.WAREHOUSES
                    + " inventory snapshots per day are possible (one per product and warehouse)");
        }
        this.population = population;
        this.random = new SeedRandom(seed, 4);
        this.out = out;
        TreeSet<Integer> chosen = new TreeSet<>();
        while (chosen.size() < pairs) {
            chosen.add((population.pickProduct(random) - 1) * Population.WAREHOUSES + random.nextInt(Population.WAREHOUSES));
        }
        // Sorted by product, then warehouse: rows of one day come out in that order.
        items = chosen.stream().map(this::stock).toArray(StockedItem[]::new);
    }

    private StockedItem stock(int pair) {
        int reorderPoint = random.between(50, 500);
        long receivedDay = Year2024.epochDay(0) - random.between(1, 60);
        return new StockedItem(pair / Population.WAREHOUSES + 1, pair % Population.WAREHOUSES + 1, reorderPoint,
                random.between(100, 1000), Math.min(MAX_ON_HAND, reorderPoint + random.nextInt(2000)), receivedDay);
    }

    /** Writes {@code snapshots} snapshots dated {@code day}: the first that many tracked pairs. */
    void generateDay(int day, long snapshots) {
        long epochDay = Year2024.epochDay(day);
        String date = SeedFormats.date(epochDay);
        for (int i = 0; i < snapshots; i++) {
            StockedItem item = items[i];
            advance(item, epochDay);
            int reserved = Math.min(item.onHand, 500);
            reserved = (int) (reserved * random.nextDouble() * random.nextDouble());
            out.write(new String[] {
                    null, population.productId(item.product), SeedFormats.padded("WH", item.warehouse, 3), date,
                    Integer.toString(item.onHand), Integer.toString(reserved), Integer.toString(item.onHand - reserved),
                    Integer.toString(item.reorderPoint), Integer.toString(item.reorderQuantity),
                    population.supplierId(item.product), SeedFormats.date(item.lastReceivedDay),
                    SeedFormats.hundredths(population.unitCostCents(item.product))});
        }
    }

    /** One day of sales, then a delivery if stock is at the reorder point (deliveries come on half the days). */
    private void advance(StockedItem item, long epochDay) {
        item.onHand = Math.max(0, item.onHand - random.nextInt(item.onHand / 15 + 6));
        if (item.onHand <= item.reorderPoint && random.chance(0.5)) {
            item.onHand = Math.min(MAX_ON_HAND, item.onHand + item.reorderQuantity);
            item.lastReceivedDay = epochDay;
        }
    }
}
