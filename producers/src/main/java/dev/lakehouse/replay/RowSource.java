package dev.lakehouse.replay;

/** A stream of valid rows of one file. */
interface RowSource {
    /** The next row, or {@code null} at the end. */
    ReplayRow next();
}
