package dev.lakehouse.replay;

import dev.lakehouse.contract.Source;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Turns a row of a seed data set into the same row of lap {@code n} of an endless feed: the soak replays one data set
 * over and over, and a row sent again unchanged would be dropped by bronze's de-duplication (nothing new would flow).
 *
 * <ul>
 *   <li>Primary keys and the other per-occurrence ids (event, session, transaction, order, snapshot, ticket) get
 *       {@code lap × stride} added to their number, where the stride is 10^(digits − 2): the contract's widths
 *       ({@code EVT} + 9 digits, …) are kept, ids of different laps never meet, and {@link #MAX_LAPS} laps fit.
 *       An order id is shifted the same way in payments, in tickets and inside a ticket's subject, so tickets still
 *       refer to real orders of their lap.
 *   <li>Every timestamp and date moves {@code lap × lapDays} days forward: event time keeps advancing lap after lap,
 *       so sessions, windows and SLA timers keep closing and state kept until a watermark passes can be dropped.
 *   <li>Customer and product ids stay: they have fixed domains (CUST 1..100000, PROD 1..10000) and a shop's
 *       customers come back; state keyed by them is therefore bounded by the population, as in production.
 * </ul>
 *
 * A field that is not a well-formed id is left as it is: the contract parser judges it as it would on lap 0.
 */
public final class LapShift implements UnaryOperator<List<String>> {
    /** Laps 0..99: the stride leaves two leading digits for the lap. */
    public static final int MAX_LAPS = 100;

    private enum Kind { ID, TIMESTAMP, DATE, SUBJECT }

    private record Shifted(int column, Kind kind) {}

    private final int lap;
    private final long dayShift;
    private final List<Shifted> columns;
    private final int ticketOrderColumn = columnNames(Source.SUPPORT_TICKETS).indexOf("order_id");

    /**
     * @param lap 0 leaves the data as it is
     * @param lapDays how many days of event time one lap spans; 366 for the generated data set (all of 2024)
     */
    public LapShift(Source source, int lap, int lapDays) {
        if (lap < 0 || lap >= MAX_LAPS) {
            throw new IllegalArgumentException("lap must be 0.." + (MAX_LAPS - 1) + ", got " + lap
                    + ": the ids of the data set have no room for more laps; use a larger data set");
        }
        if (lapDays <= 0) {
            throw new IllegalArgumentException("a lap must span at least one day, got " + lapDays);
        }
        this.lap = lap;
        this.dayShift = (long) lap * lapDays;
        this.columns = columns(source);
    }

    private static List<Shifted> columns(Source source) {
        List<Shifted> shifted = new ArrayList<>();
        List<String> names = columnNames(source);
        switch (source) {
            case CUSTOMER_EVENTS -> {
                shifted.add(new Shifted(names.indexOf("event_id"), Kind.ID));
                shifted.add(new Shifted(names.indexOf("session_id"), Kind.ID));
                shifted.add(new Shifted(names.indexOf("event_timestamp"), Kind.TIMESTAMP));
            }
            case PAYMENT_TRANSACTIONS -> {
                shifted.add(new Shifted(names.indexOf("transaction_id"), Kind.ID));
                shifted.add(new Shifted(names.indexOf("order_id"), Kind.ID));
                shifted.add(new Shifted(names.indexOf("transaction_timestamp"), Kind.TIMESTAMP));
            }
            case INVENTORY_SNAPSHOTS -> {
                shifted.add(new Shifted(names.indexOf("snapshot_id"), Kind.ID));
                shifted.add(new Shifted(names.indexOf("snapshot_date"), Kind.DATE));
                shifted.add(new Shifted(names.indexOf("last_received_date"), Kind.DATE));
            }
            case SUPPORT_TICKETS -> {
                shifted.add(new Shifted(names.indexOf("ticket_id"), Kind.ID));
                // The subject names the order ("Refund request for order ORD…"): shifted before the order id changes.
                shifted.add(new Shifted(names.indexOf("subject"), Kind.SUBJECT));
                shifted.add(new Shifted(names.indexOf("order_id"), Kind.ID));
                shifted.add(new Shifted(names.indexOf("created_timestamp"), Kind.TIMESTAMP));
                shifted.add(new Shifted(names.indexOf("first_response_timestamp"), Kind.TIMESTAMP));
                shifted.add(new Shifted(names.indexOf("resolution_timestamp"), Kind.TIMESTAMP));
            }
        }
        return List.copyOf(shifted);
    }

    public int lap() {
        return lap;
    }

    @Override
    public List<String> apply(List<String> fields) {
        if (lap == 0) {
            return fields;
        }
        List<String> out = new ArrayList<>(fields);
        for (Shifted shifted : columns) {
            if (shifted.column() >= out.size()) {
                continue; // a short row: the parser rejects it as it would unshifted
            }
            String value = out.get(shifted.column());
            if (value == null || value.isEmpty()) {
                continue;
            }
            out.set(shifted.column(), switch (shifted.kind()) {
                case ID -> shiftId(value);
                case TIMESTAMP -> shiftTimestamp(value);
                case DATE -> shiftDate(value);
                case SUBJECT -> shiftSubject(value, fields);
            });
        }
        return out;
    }

    /** {@code PREFIX} + digits, the number raised by {@code lap × 10^(digits − 2)}; anything else unchanged. */
    String shiftId(String id) {
        int digitsStart = id.length();
        while (digitsStart > 0 && Character.isDigit(id.charAt(digitsStart - 1))) {
            digitsStart--;
        }
        int width = id.length() - digitsStart;
        if (width < 3 || width > 17 || digitsStart == 0) {
            return id;
        }
        for (int i = 0; i < digitsStart; i++) {
            if (!Character.isLetter(id.charAt(i))) {
                return id;
            }
        }
        long stride = pow10(width - 2);
        long number = Long.parseLong(id, digitsStart, id.length(), 10);
        if (number >= stride) {
            throw new IllegalArgumentException("id " + id + " is too large to be shifted per lap: the soak needs ids below "
                    + stride + " (" + width + " digits) so that " + MAX_LAPS + " laps fit; use a smaller data set");
        }
        String digits = Long.toString(number + lap * stride);
        return id.substring(0, digitsStart) + "0".repeat(width - digits.length()) + digits;
    }

    private String shiftTimestamp(String timestamp) {
        if (timestamp.length() < 10) {
            return timestamp;
        }
        return shiftDate(timestamp.substring(0, 10)) + timestamp.substring(10);
    }

    private String shiftDate(String date) {
        try {
            return LocalDate.parse(date).plusDays(dayShift).toString();
        } catch (java.time.format.DateTimeParseException e) {
            return date; // not a date: left for the parser to reject
        }
    }

    /** Replaces the ticket's order id inside its subject by the shifted one. */
    private String shiftSubject(String subject, List<String> original) {
        String order = ticketOrderColumn < original.size() ? original.get(ticketOrderColumn) : null;
        if (order == null || order.isEmpty() || !subject.contains(order)) {
            return subject;
        }
        return subject.replace(order, shiftId(order));
    }

    private static List<String> columnNames(Source source) {
        return source.columns().stream().map(dev.lakehouse.contract.Column::name).toList();
    }

    private static long pow10(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }
}
