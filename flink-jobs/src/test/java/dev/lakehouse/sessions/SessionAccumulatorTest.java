package dev.lakehouse.sessions;

import static dev.lakehouse.sessions.Events.CUSTOMER;
import static dev.lakehouse.sessions.Events.SESSION;
import static dev.lakehouse.sessions.Events.T0;
import static dev.lakehouse.sessions.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.testing.ContractRows;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionAccumulatorTest {

    /** A funnel with a tie on the first event time, a repeated product and an event without a type. */
    private static final List<CustomerEvent> FUNNEL = List.of(
            event("EVT000000005", T0, EventTypes.PAGE_VIEW, null, "mobile", "facebook"),
            event("EVT000000003", T0, EventTypes.PAGE_VIEW, null, "tablet", "email"),
            event("EVT000000010", T0.plusMinutes(2), EventTypes.PRODUCT_VIEW, "PROD00001"),
            event("EVT000000011", T0.plusMinutes(3), EventTypes.PRODUCT_VIEW, "PROD00002"),
            event("EVT000000012", T0.plusMinutes(4), EventTypes.ADD_TO_CART, "PROD00001"),
            event("EVT000000013", T0.plusMinutes(5), null),
            event("EVT000000014", T0.plusMinutes(6).plusSeconds(40), EventTypes.PURCHASE));

    @Test
    void singleEventIsABounce() {
        SessionSummary summary = addAll(List.of(event("EVT000000001", T0, EventTypes.PAGE_VIEW))).toSummary();

        assertThat(summary).isEqualTo(new SessionSummary(CUSTOMER, SESSION, T0, T0, 0,
                SessionLengthCategory.VERY_SHORT, 1, 1, 1, 0, 0, 0, 0, false, false, true, "desktop", "google"));
    }

    @Test
    void funnelCountsEveryColumn() {
        SessionSummary summary = addAll(FUNNEL).toSummary();

        assertThat(summary.sessionStart()).isEqualTo(T0);
        assertThat(summary.sessionEnd()).isEqualTo(T0.plusMinutes(6).plusSeconds(40));
        assertThat(summary.sessionDurationSeconds()).isEqualTo(400);
        assertThat(summary.sessionLengthCategory()).isEqualTo(SessionLengthCategory.MEDIUM);
        assertThat(summary.totalEvents()).isEqualTo(7);
        assertThat(summary.uniqueEventTypes()).as("a missing type is not a type").isEqualTo(4);
        assertThat(summary.pageViews()).isEqualTo(2);
        assertThat(summary.productViews()).isEqualTo(2);
        assertThat(summary.cartAdds()).isEqualTo(1);
        assertThat(summary.purchases()).isEqualTo(1);
        assertThat(summary.uniqueProductsViewed()).isEqualTo(2);
        assertThat(summary.converted()).isTrue();
        assertThat(summary.abandonedCart()).isFalse();
        assertThat(summary.bounceSession()).isFalse();
    }

    @Test
    void cartWithoutPurchaseIsAbandoned() {
        SessionSummary summary = addAll(List.of(
                event("EVT000000001", T0, EventTypes.PRODUCT_VIEW, "PROD00001"),
                event("EVT000000002", T0.plusSeconds(10), EventTypes.ADD_TO_CART, "PROD00001"))).toSummary();

        assertThat(summary.abandonedCart()).isTrue();
        assertThat(summary.converted()).isFalse();
        assertThat(summary.uniqueProductsViewed()).isEqualTo(1);
    }

    @Test
    void purchaseWithoutCartIsNeitherAbandonedNorBounce() {
        SessionSummary summary = addAll(List.of(
                event("EVT000000001", T0, EventTypes.PAGE_VIEW),
                event("EVT000000002", T0.plusSeconds(10), EventTypes.PURCHASE))).toSummary();

        assertThat(summary.converted()).isTrue();
        assertThat(summary.abandonedCart()).isFalse();
        assertThat(summary.bounceSession()).isFalse();
    }

    @Test
    void deviceAndReferrerComeFromTheEarliestEventNotTheFirstArrived() {
        SessionSummary summary = addAll(List.of(
                event("EVT000000001", T0.plusMinutes(1), EventTypes.PAGE_VIEW, null, "desktop", "google"),
                event("EVT000000002", T0, EventTypes.PAGE_VIEW, null, "mobile", "instagram"))).toSummary();

        assertThat(summary.deviceType()).isEqualTo("mobile");
        assertThat(summary.referrerSource()).isEqualTo("instagram");
        assertThat(summary.sessionStart()).isEqualTo(T0);
    }

    @Test
    void onEqualTimesTheSmallerEventIdIsFirst() {
        SessionSummary summary = addAll(FUNNEL).toSummary();

        assertThat(summary.deviceType()).isEqualTo("tablet");
        assertThat(summary.referrerSource()).isEqualTo("email");
    }

    @Test
    void durationAcrossTheLengthBoundaries() {
        for (long seconds : new long[] {29, 30, 299, 300, 1799, 1800}) {
            SessionSummary summary = addAll(List.of(
                    event("EVT000000001", T0, EventTypes.PAGE_VIEW),
                    event("EVT000000002", T0.plusSeconds(seconds), EventTypes.PAGE_VIEW))).toSummary();

            assertThat(summary.sessionDurationSeconds()).isEqualTo(seconds);
            assertThat(summary.sessionLengthCategory()).isEqualTo(SessionLengthCategory.of(seconds));
        }
    }

    @Test
    void mergeEqualsAddingEverythingToOneAccumulatorInAnyOrderAndSplit() {
        SessionSummary expected = addAll(FUNNEL).toSummary();
        for (List<CustomerEvent> order : permutations(FUNNEL.subList(0, 5))) {
            List<CustomerEvent> events = new ArrayList<>(order);
            events.addAll(FUNNEL.subList(5, FUNNEL.size()));
            for (int split = 0; split <= events.size(); split++) {
                SessionAccumulator left = addAll(events.subList(0, split));
                SessionAccumulator right = addAll(events.subList(split, events.size()));

                assertThat(left.merge(right).toSummary()).isEqualTo(expected);
            }
        }
    }

    @Test
    void mergeIsAssociativeAcrossThreeWindows() {
        SessionSummary expected = addAll(FUNNEL).toSummary();
        List<CustomerEvent> a = FUNNEL.subList(0, 2);
        List<CustomerEvent> b = FUNNEL.subList(2, 5);
        List<CustomerEvent> c = FUNNEL.subList(5, FUNNEL.size());

        assertThat(addAll(a).merge(addAll(b)).merge(addAll(c)).toSummary()).isEqualTo(expected);
        assertThat(addAll(a).merge(addAll(c).merge(addAll(b))).toSummary()).isEqualTo(expected);
        assertThat(addAll(c).merge(addAll(a)).merge(addAll(b)).toSummary()).isEqualTo(expected);
    }

    @Test
    void mergeLeavesTheOtherAccumulatorUnchanged() {
        SessionAccumulator right = addAll(FUNNEL.subList(3, FUNNEL.size()));
        SessionSummary before = right.toSummary();

        addAll(FUNNEL.subList(0, 3)).merge(right);

        assertThat(right.toSummary()).isEqualTo(before);
    }

    @Test
    void emptyAccumulatorsMergeAsIdentity() {
        SessionSummary expected = addAll(FUNNEL).toSummary();

        assertThat(new SessionAccumulator().merge(addAll(FUNNEL)).toSummary()).isEqualTo(expected);
        assertThat(addAll(FUNNEL).merge(new SessionAccumulator()).toSummary()).isEqualTo(expected);
        assertThat(new SessionAccumulator().merge(new SessionAccumulator()).isEmpty()).isTrue();
    }

    @Test
    void emptyAccumulatorHasNoSummary() {
        assertThatThrownBy(() -> new SessionAccumulator().toSummary()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAnEventOfAnotherSession() {
        SessionAccumulator accumulator = addAll(FUNNEL.subList(0, 1));
        CustomerEvent other = new CustomerEvent("EVT000000099", CUSTOMER, "SESS00000002", EventTypes.PAGE_VIEW, T0,
                "/", null, null, "google", "desktop", "agent", "10.0.0.1");

        assertThatThrownBy(() -> accumulator.add(other)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isAFlinkPojoWithoutKryoFields() {
        ContractRows.assertFlinkPojoWithoutKryo(SessionAccumulator.class);
    }

    private static SessionAccumulator addAll(List<CustomerEvent> events) {
        SessionAccumulator accumulator = new SessionAccumulator();
        events.forEach(accumulator::add);
        return accumulator;
    }

    private static List<List<CustomerEvent>> permutations(List<CustomerEvent> events) {
        if (events.isEmpty()) {
            return List.of(List.of());
        }
        List<List<CustomerEvent>> result = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            List<CustomerEvent> rest = new ArrayList<>(events);
            CustomerEvent head = rest.remove(i);
            for (List<CustomerEvent> tail : permutations(rest)) {
                List<CustomerEvent> permutation = new ArrayList<>();
                permutation.add(head);
                permutation.addAll(tail);
                result.add(permutation);
            }
        }
        return result;
    }
}
