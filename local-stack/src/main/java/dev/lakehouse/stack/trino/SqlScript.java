package dev.lakehouse.stack.trino;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL file into statements at semicolons that are outside string literals, quoted identifiers and
 * comments, the way Trino's CLI reads a file given with {@code --file}.
 */
public final class SqlScript {
    private SqlScript() {}

    /** The statements of {@code script}, trimmed, without their terminating semicolon; comments are kept. */
    public static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            int end;
            if (c == '\'' || c == '"') {
                end = closingQuote(script, i, c);
            } else if (script.startsWith("--", i)) {
                end = lineEnd(script, i);
            } else if (script.startsWith("/*", i)) {
                int close = script.indexOf("*/", i + 2);
                end = close < 0 ? script.length() : close + 2;
            } else if (c == ';') {
                addIfCode(statements, current);
                current.setLength(0);
                i++;
                continue;
            } else {
                end = i + 1;
            }
            current.append(script, i, end);
            i = end;
        }
        addIfCode(statements, current);
        return statements;
    }

    /** A quote is escaped by doubling it ({@code 'it''s'}), in SQL strings and identifiers alike. */
    private static int closingQuote(String script, int open, char quote) {
        int i = open + 1;
        while (i < script.length()) {
            if (script.charAt(i) == quote) {
                if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return script.length();
    }

    private static int lineEnd(String script, int from) {
        int newline = script.indexOf('\n', from);
        return newline < 0 ? script.length() : newline + 1;
    }

    /** A trailing chunk of only comments and blanks after the last semicolon is not a statement. */
    private static void addIfCode(List<String> statements, StringBuilder chunk) {
        String statement = chunk.toString().strip();
        if (!withoutComments(statement).isBlank()) {
            statements.add(statement);
        }
    }

    private static String withoutComments(String statement) {
        return statement.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\n]*", " ");
    }
}
