package dev.lakehouse.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.bronze.BronzeJobConfig;
import dev.lakehouse.iceberg.CatalogSettings;
import dev.lakehouse.sessions.SessionSettings;
import dev.lakehouse.support.SupportSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.flink.runtime.OperatorIDPair;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.streaming.api.operators.SourceOperatorFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.flink.CatalogLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Savepoint compatibility: a savepoint maps state to operators by uid, so every operator that keeps state has one set
 * by hand, and the set of uids is committed ({@code operator-uids.txt}): a test failure here means a change would
 * orphan state in existing savepoints — make it deliberately (keep the old uid, or document that the upgrade needs
 * {@code allowNonRestoredState} / fresh state) and update the list.
 *
 * <p>The graph is the real one of {@code --job lakehouse}: Kafka source, bronze, silver, gold SQL and the Iceberg sinks,
 * with the tables in a file-system catalog in a temporary folder (nothing runs, Kafka is never contacted). The gold SQL
 * operators are the exception: the planner gives them no uid ({@code table.exec.uid.generation=PLAN_ONLY}, see
 * GoldSettings); their ids are hashes of the plan's topology, stable while the SQL and Flink version are
 * (GoldPlanTest).
 */
class PipelineUidsTest {
    /** Operators the SQL planner adds: their names are "Type[node id]", e.g. GroupAggregate[42]. */
    private static final Pattern PLANNER_OPERATOR = Pattern.compile("^[A-Za-z]+\\[\\d+\\].*");

    @TempDir
    Path warehouse;

    @Test
    void everyStatefulOperatorHasAFixedUid() throws Exception {
        List<String> plannerOperators = new ArrayList<>();
        List<String> statefulUids = new ArrayList<>();
        for (StreamNode node : lakehouseGraph().getStreamNodes()) {
            if (isFromTheSqlPlanner(node)) {
                plannerOperators.add(node.getOperatorName());
                continue;
            }
            // Keyed state, the source's splits and offsets, the Iceberg writers' and committers' pending files.
            String name = node.getOperatorName().toLowerCase(Locale.ROOT);
            boolean stateful = node.getStatePartitioners().length > 0 || node.getOperatorFactory() instanceof SourceOperatorFactory
                    || name.contains("committer") || name.contains("writer");
            if (stateful) {
                assertThat(node.getTransformationUID()).as("uid of the stateful operator '%s'", node.getOperatorName()).isNotBlank();
                statefulUids.add(node.getTransformationUID());
            }
        }
        assertThat(statefulUids).as("the stateful operators found").contains("bronze-kafka-source", "bronze-dedup-customer_events",
                "sessions-sessionizer", "payments-analyzer", "inventory-latest-snapshot", "support-ticket-sla", "support-agent-performance",
                "bronze-sink-customer_events-committer", "gold-sink-customer_summary-committer");
        assertThat(plannerOperators).as("the gold SQL's operators").anyMatch(name -> name.contains("GroupAggregate"));
    }

    @Test
    void theUidsAreTheCommittedOnes() throws Exception {
        assertThat(uids(lakehouseGraph())).as("operator uids (a change orphans savepoint state: see the class comment)").isEqualTo(committedUids());
    }

    /**
     * Operators without a uid (the gold SQL's, and stateless maps) get ids that Flink derives from their place in the
     * job graph: adding, removing or reordering operators anywhere before them changes those ids, and the gold
     * aggregates' state in a savepoint no longer finds its operator. This pins them.
     */
    @Test
    void theIdsDerivedForOperatorsWithoutUidAreTheCommittedOnes() throws Exception {
        List<String> ids = new ArrayList<>();
        for (JobVertex vertex : lakehouseGraph().getJobGraph().getVerticesAsArray()) {
            for (OperatorIDPair operator : vertex.getOperatorIDs()) {
                if (operator.getUserDefinedOperatorUid() == null) {
                    ids.add(operator.getGeneratedOperatorID().toString());
                }
            }
        }
        assertThat(ids.stream().sorted().toList())
                .as("ids of the operators without uid (a change orphans the gold SQL's savepoint state: see derived-operator-ids.txt)")
                .isEqualTo(committedLines("derived-operator-ids.txt"));
    }

    /** {@code --job silver} (what the benchmark of bronze and silver runs) is the lakehouse job without its gold layer. */
    @Test
    void theSilverJobIsTheLakehouseJobWithoutGold() throws Exception {
        List<String> lakehouse = uids(lakehouseGraph());
        assertThat(uids(graph(LakehouseJob.Job.silver)))
                .isEqualTo(lakehouse.stream().filter(uid -> !uid.startsWith("gold-")).toList())
                .anyMatch(uid -> uid.startsWith("silver-sink-"));
    }

    private static List<String> uids(StreamGraph graph) {
        return graph.getStreamNodes().stream().map(StreamNode::getTransformationUID).filter(Objects::nonNull).sorted().toList();
    }

    private StreamGraph lakehouseGraph() throws Exception {
        return graph(LakehouseJob.Job.lakehouse);
    }

    private StreamGraph graph(LakehouseJob.Job job) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        BronzeJobConfig config = new BronzeJobConfig("127.0.0.1:9", "", "lakehouse", Map.of(), CatalogSettings.rest("http://127.0.0.1:9"),
                Duration.ofSeconds(10), null, BronzeJobConfig.DEFAULT_DEDUP_TTL, BronzeJobConfig.DEFAULT_MAX_OUT_OF_ORDERNESS,
                BronzeJobConfig.DEFAULT_IDLE_TIMEOUT, BronzeJobConfig.DEFAULT_MAX_WATERMARK_DRIFT, 65536, 2);
        CatalogLoader catalog = CatalogLoader.hadoop("lakehouse", new Configuration(), Map.of("warehouse", warehouse.toUri().toString()));
        LakehouseJob.addPipeline(env, job, config,
                new SessionSettings(Duration.ofMinutes(30), Duration.ofHours(1)), SupportSettings.defaults(), catalog);
        return env.getStreamGraph();
    }

    private static boolean isFromTheSqlPlanner(StreamNode node) {
        return PLANNER_OPERATOR.matcher(node.getOperatorName()).matches()
                || node.getOperatorFactory().getClass().getName().startsWith("org.apache.flink.table.");
    }

    private static List<String> committedUids() throws IOException {
        return committedLines("operator-uids.txt");
    }

    private static List<String> committedLines(String file) throws IOException {
        try (InputStream in = PipelineUidsTest.class.getResourceAsStream(file)) {
            assertThat(in).as(file + " beside this test").isNotNull();
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .sorted()
                    .toList();
        }
    }
}
