package dev.lakehouse.stack.trino;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void splitsAtSemicolonsAndDropsTheTerminator() {
        assertThat(SqlScript.statements("SELECT 1;\nSELECT 2;\n")).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void aStatementWithoutSemicolonIsKept() {
        assertThat(SqlScript.statements("SELECT 1")).containsExactly("SELECT 1");
    }

    @Test
    void semicolonsInsideStringsIdentifiersAndCommentsDoNotSplit() {
        String script = """
                -- counts; per table
                SELECT 'a;b', 'it''s; here' AS "odd;name" /* not; here */ FROM t;
                SELECT 2""";

        assertThat(SqlScript.statements(script)).containsExactly(
                "-- counts; per table\nSELECT 'a;b', 'it''s; here' AS \"odd;name\" /* not; here */ FROM t",
                "SELECT 2");
    }

    @Test
    void chunksOfOnlyCommentsAndBlanksAreNotStatements() {
        assertThat(SqlScript.statements("SELECT 1;\n\n-- the end\n/* really */\n")).containsExactly("SELECT 1");
        assertThat(SqlScript.statements("  \n")).isEmpty();
    }

    @Test
    void unterminatedQuotesRunToTheEnd() {
        assertThat(SqlScript.statements("SELECT 'open; quote")).containsExactly("SELECT 'open; quote");
    }
}
