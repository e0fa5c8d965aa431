package dev.lakehouse.seeds;

/**
 * The customers and products of the generated shop. Their stable traits (home country, usual device,
 * network, supplier, cost) are derived from a hash of the seed and the id, so nothing is stored per customer.
 */
final class Population {
    static final int CUSTOMERS = 100_000;
    static final int PRODUCTS = 10_000;
    static final int WAREHOUSES = 20;
    static final int CATEGORIES = 120;

    static final String[] COUNTRIES = {"US", "UK", "CA", "AU", "DE", "FR", "IT", "ES", "NL", "BE"};
    private static final String[] CURRENCY_OF_COUNTRY = {"USD", "GBP", "CAD", "AUD", "EUR", "EUR", "EUR", "EUR", "EUR", "EUR"};
    private static final int[] COUNTRY_WEIGHTS = SeedRandom.cumulative(40, 14, 9, 6, 9, 7, 4, 4, 4, 3);
    static final String[] DEVICES = {"desktop", "mobile", "tablet"};
    private static final int[] DEVICE_WEIGHTS = SeedRandom.cumulative(40, 50, 10);

    private final long seed;
    private final String[] customerIds = new String[CUSTOMERS + 1];
    private final String[] productIds = new String[PRODUCTS + 1];

    Population(long seed) {
        this.seed = seed;
    }

    /** A customer, 1..100000; half the picks favour low ids, so some customers are far more active. */
    int pickCustomer(SeedRandom random) {
        if (random.chance(0.5)) {
            return random.between(1, CUSTOMERS);
        }
        double u = random.nextDouble();
        return 1 + (int) (CUSTOMERS * u * u);
    }

    /** A product, 1..10000, popular ones (low ids) more often. */
    int pickProduct(SeedRandom random) {
        double u = random.nextDouble();
        return 1 + (int) (PRODUCTS * u * Math.sqrt(u));
    }

    String customerId(int customer) {
        String id = customerIds[customer];
        if (id == null) {
            id = customerIds[customer] = SeedFormats.padded("CUST", customer, 6);
        }
        return id;
    }

    String productId(int product) {
        String id = productIds[product];
        if (id == null) {
            id = productIds[product] = SeedFormats.padded("PROD", product, 5);
        }
        return id;
    }

    String categoryId(int product) {
        return SeedFormats.padded("CAT", 1 + hash('c', product) % CATEGORIES, 3);
    }

    int country(int customer) {
        return weightedTrait('n', customer, COUNTRY_WEIGHTS);
    }

    String currency(int country) {
        return CURRENCY_OF_COUNTRY[country];
    }

    String usualDevice(int customer) {
        return DEVICES[weightedTrait('d', customer, DEVICE_WEIGHTS)];
    }

    int usualPaymentMethod(int customer) {
        return hash('p', customer) % 6;
    }

    /** The first three octets of the customer's home network, with the trailing dot. */
    String networkPrefix(int customer) {
        int h = hash('i', customer);
        return (11 + h % 212) + "." + (h >>> 8 & 0xFF) + "." + (h >>> 16 & 0xFF) + ".";
    }

    int unitCostCents(int product) {
        return 500 + hash('u', product) % 49_501;
    }

    String supplierId(int product) {
        return SeedFormats.padded("SUP", 1 + hash('s', product) % 400, 4);
    }

    private int weightedTrait(char trait, int id, int[] cumulativeWeights) {
        int draw = hash(trait, id) % cumulativeWeights[cumulativeWeights.length - 1];
        int index = 0;
        while (cumulativeWeights[index] <= draw) {
            index++;
        }
        return index;
    }

    /** A non-negative hash of (seed, trait, id). */
    private int hash(char trait, int id) {
        return (int) (SeedRandom.mix(seed ^ ((long) trait << 40) ^ id) >>> 33);
    }
}
