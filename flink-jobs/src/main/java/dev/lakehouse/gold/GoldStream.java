package dev.lakehouse.gold;

import dev.lakehouse.iceberg.TableSpec;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.data.RowData;

/**
 * One gold table's changelog: INSERT, UPDATE_AFTER and DELETE rows in {@code table}'s column order, for the
 * Iceberg upsert sink (no UPDATE_BEFORE: the sink replaces rows by key).
 */
public record GoldStream(TableSpec table, DataStream<RowData> rows) {}
