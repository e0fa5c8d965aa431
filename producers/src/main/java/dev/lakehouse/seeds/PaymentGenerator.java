package dev.lakehouse.seeds;

import java.util.List;

/**
 * Payment transactions that follow purchases: each purchase is paid by the same customer seconds to minutes
 * later, a quarter of them after a failed first attempt. The rest of the day's quota is filled with repeat
 * orders of customers who purchased before, so the file holds exactly the requested number of rows.
 */
final class PaymentGenerator {
    private static final String[] METHODS = {"credit_card", "debit_card", "paypal", "apple_pay", "google_pay", "bank_transfer"};
    private static final String[] STATUSES = {"completed", "pending", "failed", "refunded", "cancelled"};
    private static final int[] STATUS_WEIGHTS = SeedRandom.cumulative(82, 5, 6, 4, 3);
    private static final String[] DECLINE_CODES = {"00", "01", "05", "51", "54", "61", "65"};
    private static final int[] DECLINE_WEIGHTS = SeedRandom.cumulative(4, 10, 30, 30, 10, 10, 6);
    private static final int STATUS_COMPLETED = 0;
    private static final int STATUS_FAILED = 2;
    private static final double RETRY_SHARE = 0.25;

    private final Population population;
    private final SeedRandom random;
    private final TimeOrderedBuffer out;
    private final RecentRing purchasers = new RecentRing(200_000);
    private final RecentRing orders;
    private long nextOrder;
    private long deferred;

    /** @param orders receives every order paid, with its customer and last payment time, for the tickets */
    PaymentGenerator(Population population, long seed, TimeOrderedBuffer out, RecentRing orders) {
        this.population = population;
        this.random = new SeedRandom(seed, 2);
        this.out = out;
        this.orders = orders;
        this.nextOrder = 1 + random.nextInt(1_000_000);
    }

    void generateDay(int day, List<Purchase> purchases, long quota, boolean lastDay) {
        long wanted = quota + deferred;
        deferred = 0;
        int billed = (int) Math.min(wanted, purchases.size());
        long extra = wanted - billed;
        long retries = Math.min(extra, Math.round(billed * RETRY_SHARE));
        long repeats = extra - retries;

        // Selection sampling (Knuth's algorithm S): exactly `billed` of the purchases, exactly `retries` of those.
        int needBilled = billed;
        long needRetries = retries;
        for (int i = 0; i < purchases.size() && needBilled > 0; i++) {
            if (random.nextInt(purchases.size() - i) >= needBilled) {
                continue;
            }
            boolean retried = random.nextInt(needBilled) < needRetries;
            needBilled--;
            if (retried) {
                needRetries--;
            }
            Purchase purchase = purchases.get(i);
            purchasers.add(purchase.customer(), purchase.epochSecond(), null);
            payOrder(purchase.customer(), purchase.epochSecond() + random.between(5, 180), retried);
        }

        if (purchasers.isEmpty() && !lastDay) {
            deferred = repeats; // nobody has purchased yet: bill these once someone has
            return;
        }
        long dayStart = Year2024.dayStart(day);
        for (long i = 0; i < repeats; i++) {
            if (purchasers.isEmpty()) {
                payOrder(population.pickCustomer(random), dayStart + random.nextInt(86_400), false);
                continue;
            }
            int slot = purchasers.pickAny(random);
            long time = Math.max(dayStart + random.nextInt(86_400), purchasers.time(slot) + random.between(60, 3600));
            payOrder(purchasers.customer(slot), time, false);
        }
    }

    /** One order: a failed attempt first if {@code retried}, then the attempt that settles it. */
    private void payOrder(int customer, long firstAttempt, boolean retried) {
        String orderId = SeedFormats.padded("ORD", nextOrder++ % 1_000_000_000L, 9);
        int cents = amountCents();
        int country = population.country(customer);
        long time = firstAttempt;
        if (retried) {
            emit(orderId, customer, country, cents, time, STATUS_FAILED);
            time += random.between(30, 900);
        }
        int status = random.weighted(STATUS_WEIGHTS);
        if (retried && status == STATUS_FAILED) {
            status = STATUS_COMPLETED;
        }
        time = emit(orderId, customer, country, cents, time, status);
        orders.add(customer, time, orderId);
    }

    private long emit(String orderId, int customer, int country, int cents, long epochSecond, int status) {
        long time = Year2024.clamp(epochSecond);
        int method = random.chance(0.7) ? population.usualPaymentMethod(customer) : random.nextInt(METHODS.length);
        String responseCode = status == STATUS_COMPLETED ? "00" : DECLINE_CODES[random.weighted(DECLINE_WEIGHTS)];
        int feeBasisPoints = random.between(200, 400);
        int riskHundredths = status == STATUS_FAILED ? random.between(3000, 10000) : random.between(0, 6000);
        out.add(time, new String[] {
                null, orderId, population.customerId(customer), METHODS[method], STATUSES[status],
                SeedFormats.hundredths(cents), population.currency(country), SeedFormats.timestamp(time),
                responseCode, SeedFormats.hundredths(Math.round(cents * feeBasisPoints / 10_000.0)),
                SeedFormats.padded("MERCH", 1 + random.nextInt(9999), 4), Population.COUNTRIES[country],
                SeedFormats.hundredths(riskHundredths)});
        return time;
    }

    /** 10.00 .. 2000.00, most baskets small: a log-uniform draw. */
    private int amountCents() {
        double u = random.nextDouble();
        return (int) Math.round(1000 * Math.pow(200, u * u));
    }
}
