package dev.lakehouse.seeds;

/** A purchase event of the click stream: the payment generator bills it. */
record Purchase(int customer, long epochSecond) {}
