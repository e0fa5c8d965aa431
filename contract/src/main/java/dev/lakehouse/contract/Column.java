package dev.lakehouse.contract;

/**
 * One column of a source file.
 *
 * @param required a row with this field empty breaks the contract
 */
public record Column(String name, ColumnType type, boolean required) {

    static Column required(String name, ColumnType type) {
        return new Column(name, type, true);
    }

    static Column optional(String name, ColumnType type) {
        return new Column(name, type, false);
    }
}
