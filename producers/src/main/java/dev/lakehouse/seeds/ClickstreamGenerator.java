package dev.lakehouse.seeds;

import java.util.ArrayList;
import java.util.List;

/**
 * Customer events as sessions: one customer, device, referrer and user agent per session, events a few
 * seconds to minutes apart, walking the funnel page_view → product_view → add_to_cart → checkout_start →
 * purchase with drop-off at every step.
 */
final class ClickstreamGenerator {
    private static final String[] REFERRERS = {"google", "facebook", "instagram", "direct", "email", "affiliate", "bing", "twitter"};
    private static final int[] REFERRER_WEIGHTS = SeedRandom.cumulative(30, 12, 12, 20, 10, 6, 6, 4);
    /** Sessions start more often in the evening (UTC hours 0..23). */
    private static final int[] HOUR_WEIGHTS = SeedRandom.cumulative(
            3, 2, 2, 1, 1, 1, 2, 3, 4, 5, 5, 6, 6, 6, 6, 6, 6, 7, 8, 9, 9, 8, 6, 4);
    private static final String[] LANDING_PAGES = {"/", "/deals", "/new-arrivals", "/search", "/account"};
    private static final String SITE = "https://shop.example.com";

    private final Population population;
    private final SeedRandom random;
    private final TimeOrderedBuffer out;
    private long sessions;

    // The session being generated.
    private String customerId;
    private String sessionId;
    private String referrer;
    private String device;
    private String userAgent;
    private String ipAddress;
    private long clock;
    private long remaining;

    ClickstreamGenerator(Population population, long seed, TimeOrderedBuffer out) {
        this.population = population;
        this.random = new SeedRandom(seed, 1);
        this.out = out;
    }

    /** Generates exactly {@code events} events in sessions starting on {@code day}; returns its purchases. */
    List<Purchase> generateDay(int day, long events) {
        List<Purchase> purchases = new ArrayList<>();
        remaining = events;
        while (remaining > 0) {
            session(day, purchases);
        }
        return purchases;
    }

    private void session(int day, List<Purchase> purchases) {
        int customer = population.pickCustomer(random);
        customerId = population.customerId(customer);
        sessionId = SeedFormats.padded("SESS", ++sessions % 100_000_000, 8);
        referrer = REFERRERS[random.weighted(REFERRER_WEIGHTS)];
        device = random.chance(0.8) ? population.usualDevice(customer) : random.pick(Population.DEVICES);
        userAgent = UserAgents.pick(device, random);
        ipAddress = population.networkPrefix(customer) + random.between(1, 254);
        clock = Year2024.dayStart(day) + random.weighted(HOUR_WEIGHTS) * 3600L + random.nextInt(3600);

        int pageViews = random.between(1, 3);
        for (int i = 0; i < pageViews; i++) {
            if (!emit("page_view", 0, i == 0 ? random.pick(LANDING_PAGES) : "/category/" + random.between(1, Population.CATEGORIES))) {
                return;
            }
        }
        if (!random.chance(0.8)) {
            return;
        }
        int[] viewed = new int[random.between(1, 4)];
        for (int i = 0; i < viewed.length; i++) {
            viewed[i] = population.pickProduct(random);
            if (!emit("product_view", viewed[i], null)) {
                return;
            }
        }
        if (!random.chance(0.5)) {
            return;
        }
        int carted = random.between(1, Math.min(2, viewed.length));
        for (int i = 0; i < carted; i++) {
            if (!emit("add_to_cart", viewed[i], null)) {
                return;
            }
        }
        if (random.chance(0.15)) {
            if (!emit("remove_from_cart", viewed[--carted], null)) {
                return;
            }
        }
        if (carted == 0 || !random.chance(0.7)) {
            return;
        }
        if (!emit("checkout_start", 0, "/checkout")) {
            return;
        }
        if (random.chance(0.75) && emit("purchase", 0, "/checkout/confirmation")) {
            purchases.add(new Purchase(customer, Year2024.clamp(clock)));
        }
    }

    /**
     * Adds one event after a think time (seconds to minutes; now and then a long pause); false once the
     * day's quota is used up, which ends the session.
     */
    private boolean emit(String eventType, int product, String path) {
        if (remaining == 0) {
            return false;
        }
        remaining--;
        clock += random.chance(0.03) ? random.between(300, 2400) : random.between(8, 240);
        String productId = product == 0 ? "" : population.productId(product);
        String url = SITE + (product == 0 ? path : "/product/" + productId);
        long time = Year2024.clamp(clock);
        out.add(time, new String[] {
                null, customerId, sessionId, eventType, SeedFormats.timestamp(time), url,
                productId, product == 0 ? "" : population.categoryId(product),
                referrer, device, userAgent, ipAddress});
        return true;
    }
}
