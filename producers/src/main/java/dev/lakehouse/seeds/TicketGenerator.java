package dev.lakehouse.seeds;

/**
 * Support tickets. About four in five concern a real order: same customer, order id of a generated payment,
 * opened after that payment. The rest are general questions without an order.
 */
final class TicketGenerator {
    private static final String[] ORDER_TYPES = {"order_issue", "shipping_delay", "refund_request", "product_inquiry"};
    private static final int[] ORDER_TYPE_WEIGHTS = SeedRandom.cumulative(30, 35, 25, 10);
    private static final String[] GENERAL_TYPES = {"product_inquiry", "technical_support", "account_issue"};
    private static final String[] PRIORITIES = {"low", "medium", "high", "urgent"};
    private static final int[] PRIORITY_WEIGHTS = SeedRandom.cumulative(30, 40, 22, 8);
    private static final String[] STATUSES = {"open", "in_progress", "waiting_customer", "resolved", "closed"};
    private static final int[] STATUS_WEIGHTS = SeedRandom.cumulative(10, 12, 8, 30, 40);
    private static final String[] CHANNELS = {"email", "chat", "phone", "social_media"};
    private static final int[] CHANNEL_WEIGHTS = SeedRandom.cumulative(40, 35, 20, 5);
    private static final double WITH_ORDER = 0.8;
    /** Tickets refer to one of the last this many orders: people complain about recent purchases. */
    private static final int RECENT_ORDERS = 20_000;

    private final Population population;
    private final SeedRandom random;
    private final TimeOrderedBuffer out;
    private final RecentRing orders;

    TicketGenerator(Population population, long seed, TimeOrderedBuffer out, RecentRing orders) {
        this.population = population;
        this.random = new SeedRandom(seed, 3);
        this.out = out;
        this.orders = orders;
    }

    void generateDay(int day, long tickets) {
        long dayStart = Year2024.dayStart(day);
        for (long i = 0; i < tickets; i++) {
            long created = dayStart + random.nextInt(86_400);
            if (!orders.isEmpty() && random.chance(WITH_ORDER)) {
                int slot = orders.pickRecent(random, RECENT_ORDERS);
                long earliest = orders.time(slot) + random.between(600, 3 * 86_400);
                emit(orders.customer(slot), orders.label(slot), Math.max(created, earliest),
                        ORDER_TYPES[random.weighted(ORDER_TYPE_WEIGHTS)]);
            } else {
                emit(population.pickCustomer(random), "", created, random.pick(GENERAL_TYPES));
            }
        }
    }

    private void emit(int customer, String orderId, long createdSecond, String type) {
        long created = Year2024.clamp(createdSecond);
        int status = random.weighted(STATUS_WEIGHTS);
        boolean open = status == 0;
        boolean finished = status >= 3;
        long firstResponse = created + random.between(3600, 48 * 3600);
        long resolution = Math.max(created + random.between(86_400, 14 * 86_400), firstResponse + 3600);
        out.add(created, new String[] {
                null, population.customerId(customer), orderId, type, PRIORITIES[random.weighted(PRIORITY_WEIGHTS)],
                STATUSES[status], SeedFormats.timestamp(created),
                open ? "" : SeedFormats.timestamp(firstResponse),
                finished ? SeedFormats.timestamp(resolution) : "",
                open ? "" : SeedFormats.padded("AGENT", random.between(1, 150), 3),
                finished && random.chance(0.85) ? Integer.toString(satisfaction()) : "",
                subject(type, orderId), CHANNELS[random.weighted(CHANNEL_WEIGHTS)]});
    }

    private int satisfaction() {
        return 1 + random.weighted(SeedRandom.cumulative(8, 8, 16, 33, 35));
    }

    /** Free text; some subjects contain commas or quotes, as typed text does. */
    private String subject(String type, String orderId) {
        String order = orderId.isEmpty() ? "my order" : "order " + orderId;
        return switch (type) {
            case "order_issue" -> random.chance(0.5) ? "Wrong item received in " + order : "Item damaged, " + order;
            case "shipping_delay" -> "Where is " + order + "? It's late";
            case "refund_request" -> "Refund request for " + order;
            case "product_inquiry" -> random.chance(0.5) ? "Question about size, colour and fit" : "Is this product \"in stock\"?";
            case "technical_support" -> "Checkout page does not load";
            default -> "Cannot log in to my account";
        };
    }
}
