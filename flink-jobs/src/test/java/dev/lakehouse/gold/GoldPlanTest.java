package dev.lakehouse.gold;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.junit.jupiter.api.Test;

/** How the gold queries are planned: the throughput settings take effect, and operator ids are stable. */
class GoldPlanTest {
    @Test
    void everyQueryAggregatesInMiniBatchesAndTwoPhases() {
        StreamTableEnvironment tableEnv = tableEnvWithGoldViews();

        for (GoldTable table : GoldTable.values()) {
            String plan = GoldPipeline.sqlQuery(tableEnv, table).explain();
            assertThat(plan).as(table.tableName())
                    .contains("MiniBatchAssigner")
                    .contains("LocalGroupAggregate")
                    .contains("GlobalGroupAggregate");
        }
    }

    /**
     * The silver inputs come with their retractions, so no query keeps a copy of every silver row to make them: a
     * ChangelogNormalize holds each key's latest row for ever, and in a soak it was most of the state growth.
     */
    @Test
    void noQueryNormalizesItsSilverInputs() {
        StreamTableEnvironment tableEnv = tableEnvWithGoldViews();

        for (GoldTable table : GoldTable.values()) {
            assertThat(GoldPipeline.sqlQuery(tableEnv, table).explain()).as(table.tableName())
                    .doesNotContain("ChangelogNormalize");
        }
    }

    /**
     * Every query's changes arrive keyed by its table's key, so none needs a SinkMaterializer, which would keep
     * every row of every key in state (product_summary's full join hides its key behind a COALESCE).
     */
    @Test
    void noQueryMaterializesItsChangesAgain() {
        assertThat(jobGraph().getVertices()).extracting(JobVertex::getName)
                .isNotEmpty()
                .noneMatch(name -> name.contains("SinkMaterializer"));
    }

    /**
     * The same job built twice in one JVM, as a long-lived cluster process sees a resubmission: the planner's
     * node ids move on between the two, yet every operator keeps its id, so the second can restore the first's
     * state.
     */
    @Test
    void operatorIdsStayTheSameWhenTheJobIsBuiltAgainInTheSameJvm() {
        assertThat(vertexIds()).isEqualTo(vertexIds());
    }

    private static StreamTableEnvironment tableEnvWithGoldViews() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        GoldPipeline.build(tableEnv, GoldFixtures.emptyInputs(env));
        return tableEnv;
    }

    private static List<String> vertexIds() {
        return Arrays.stream(jobGraph().getVerticesAsArray())
                .map(JobVertex::getID)
                .map(Object::toString)
                .sorted()
                .toList();
    }

    private static JobGraph jobGraph() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        GoldStreams gold = GoldPipeline.build(StreamTableEnvironment.create(env), GoldFixtures.emptyInputs(env));
        gold.all().forEach(stream -> stream.rows().print());
        return env.getStreamGraph().getJobGraph();
    }
}
