package dev.lakehouse.sessions;

/** The {@code event_type} values that the session counters look at. */
public final class EventTypes {
    public static final String PAGE_VIEW = "page_view";
    public static final String PRODUCT_VIEW = "product_view";
    public static final String ADD_TO_CART = "add_to_cart";
    public static final String PURCHASE = "purchase";

    private EventTypes() {}
}
