package dev.lakehouse.stack.trino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TrinoJdbcTest {
    private static final String NO_NODES = "Query failed (#20261202_111349_00004_5vdqn): No nodes available to run query";

    @Test
    void aQueryRefusedForWantOfANodeRunsAgainUntilItSucceeds() throws SQLException {
        AtomicInteger attempts = new AtomicInteger();

        String result = TrinoJdbc.retryWhileNoNodes(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new SQLException(NO_NODES);
            }
            return "rows";
        });

        assertThat(result).isEqualTo("rows");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void anyOtherErrorFailsAtOnce() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> TrinoJdbc.retryWhileNoNodes(() -> {
            attempts.incrementAndGet();
            throw new SQLException("Query failed: line 1:15: Table 'iceberg.bronze.nope' does not exist");
        })).hasMessageContaining("does not exist");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void theRefusalIsRecognisedByTrinosMessage() {
        assertThat(TrinoJdbc.isNoNodesYet(new SQLException(NO_NODES))).isTrue();
        assertThat(TrinoJdbc.isNoNodesYet(new SQLException("Insufficient active worker nodes"))).isFalse();
        assertThat(TrinoJdbc.isNoNodesYet(new SQLException((String) null))).isFalse();
    }
}
