package dev.lakehouse.support;

import static dev.lakehouse.support.Tickets.CREATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.lakehouse.flink.RecordTypes;
import dev.lakehouse.testing.Changelog;
import dev.lakehouse.testing.CollectedStreams;
import dev.lakehouse.testing.FlinkTypes;
import dev.lakehouse.testing.PerEventWatermarks;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.RowData;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The support pipeline on Flink's MiniCluster. The watermark trails the greatest created_timestamp by
 * {@link #BOUND} after every ticket, so "filler" tickets created later move it to a chosen point; the end of
 * the bounded input then brings the final watermark, which fires every timer left.
 */
class SupportPipelineTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final Duration BOUND = Duration.ofMinutes(5);
    /** Urgent: response due by 12:15, resolution by 16:00. */
    private static final String URGENT = "urgent";

    @Test
    void aBreachIsWrittenOnceAlthoughTheTicketIsSeenAgainAndUpdatedAfterIt() throws Exception {
        SupportTicket unanswered = ticket("TKT1", URGENT, "open", CREATED, null, null, null, null);
        SupportTicket updated = withSubject(unanswered, "still waiting");

        Output output = run(
                unanswered,
                unanswered, // a replay
                filler("TKT90", CREATED.plusMinutes(30)), // watermark 12:25: the response deadline passed
                updated, // re-registers the response timer that already fired
                filler("TKT91", CREATED.plusMinutes(40)));

        assertThat(output.breachesOf("TKT1"))
                .extracting(b -> b.get("breach_type"), b -> b.get("deadline"), b -> b.get("detected_at"))
                .containsExactlyInAnyOrder(
                        tuple("response", CREATED.plusMinutes(15), justAfter(CREATED.plusMinutes(15))),
                        tuple("resolution", CREATED.plusHours(4), justAfter(CREATED.plusHours(4))));
        assertThat(output.metrics().row("TKT1")).containsEntry("subject", "still waiting");
    }

    @Test
    void noResponseBreachWhenTheTimelyResponseArrivesAfterLaterTickets() throws Exception {
        SupportTicket opened = ticket("TKT2", URGENT, "open", CREATED, null, null, null, null);
        SupportTicket answered = ticket("TKT2", URGENT, "in_progress", CREATED, CREATED.plusMinutes(10), null, "AGT01", null);
        SupportTicket neverAnswered = ticket("TKT3", URGENT, "open", CREATED, null, null, null, null);

        Output output = run(
                opened,
                neverAnswered,
                filler("TKT90", CREATED.plusMinutes(19)), // watermark 12:14, just before the response deadline
                answered, // behind the watermark, but before the deadline's timer
                filler("TKT91", CREATED.plusMinutes(30)));

        assertThat(output.breachesOf("TKT2")).extracting(b -> b.get("breach_type")).containsExactly("resolution");
        assertThat(output.breachesOf("TKT3")).extracting(b -> b.get("breach_type"))
                .containsExactlyInAnyOrder("response", "resolution");
        assertThat(output.metrics().row("TKT2")).containsEntry("meets_response_sla", true)
                .containsEntry("first_response_time_minutes", 10L);
    }

    @Test
    void activeTicketsAreOverdueAtTheFinalWatermarkAndResolvedOnesAreNot() throws Exception {
        SupportTicket inProgress = ticket("TKT4", URGENT, "in_progress", CREATED, CREATED.plusMinutes(5), null, "AGT01", null);
        SupportTicket open = ticket("TKT5", "high", "open", CREATED, null, null, null, null);
        SupportTicket resolved = ticket("TKT6", URGENT, "resolved", CREATED, CREATED.plusMinutes(5),
                CREATED.plusHours(1), "AGT01", 5);

        Changelog metrics = run(inProgress, open, resolved).metrics();

        assertThat(metrics.history("TKT4")).extracting(r -> r.get("ticket_urgency_status"))
                .containsExactly("active", "Overdue Critical");
        assertThat(metrics.row("TKT5")).containsEntry("ticket_urgency_status", "Overdue High");
        assertThat(metrics.history("TKT6")).extracting(r -> r.get("ticket_urgency_status")).containsExactly("Resolved");
    }

    @Test
    void agentFiguresCountEveryTicketOnceThroughUpdatesReassignmentsAndUrgencyChanges() throws Exception {
        // AGT01 keeps TKT7 (in progress, turns Overdue at the end) and TKT8 (resolved by an update);
        // TKT9 moves from AGT03 to AGT02, which leaves AGT03 without tickets.
        SupportTicket pending = ticket("TKT7", URGENT, "in_progress", CREATED, CREATED.plusMinutes(30), null, "AGT01", null);
        SupportTicket working = ticket("TKT8", URGENT, "in_progress", CREATED, CREATED.plusMinutes(10), null, "AGT01", null);
        SupportTicket solved = ticket("TKT8", URGENT, "resolved", CREATED, CREATED.plusMinutes(10), CREATED.plusHours(3), "AGT01", 5);
        SupportTicket firstAgent = ticket("TKT9", URGENT, "in_progress", CREATED, CREATED.plusMinutes(20), null, "AGT03", null);
        SupportTicket reassigned = ticket("TKT9", URGENT, "closed", CREATED, CREATED.plusMinutes(20), CREATED.plusHours(2), "AGT02", 1);

        Output output = run(pending, working, firstAgent, solved, working, reassigned, solved);

        assertThat(output.metrics().row("TKT7")).containsEntry("ticket_urgency_status", "Overdue Critical");
        Changelog agents = output.agents();
        assertThat(agents.rows()).containsOnlyKeys(List.<Object>of("AGT01"), List.<Object>of("AGT02"));
        assertThat(agentRow(agents.row("AGT01"))).isEqualTo(new AgentPerformanceSummary("AGT01", 2, 20.0, 3.0, 1, 5.0, 1, 0));
        assertThat(agentRow(agents.row("AGT02"))).isEqualTo(new AgentPerformanceSummary("AGT02", 1, 20.0, 2.0, 1, 1.0, 0, 1));
        // the same answer as the plain rule over the final ticket versions
        assertThat(agentRow(agents.row("AGT01"))).isEqualTo(new AgentPerformance()
                .add(SupportMetrics.of(pending, Long.MAX_VALUE)).add(SupportMetrics.of(solved, Long.MAX_VALUE)).toSummary());
    }

    @Test
    void stateAndContributionsAreSerializedWithoutKryo() throws Exception {
        SupportTicket resolved = ticket("TKT6", URGENT, "resolved", CREATED, CREATED.plusMinutes(5),
                CREATED.plusHours(1), "AGT01", 5);
        FlinkTypes.assertRoundTripWithoutKryo(RecordTypes.of(SupportTicket.class), resolved);
        FlinkTypes.assertRoundTripWithoutKryo(RecordTypes.of(AgentContribution.class),
                AgentContribution.retraction(SupportMetrics.of(resolved, Long.MIN_VALUE)));
    }

    private static AgentPerformanceSummary agentRow(Map<String, Object> row) {
        return new AgentPerformanceSummary((String) row.get("agent_id"), (Long) row.get("tickets_handled"),
                (Double) row.get("avg_first_response_minutes"), (Double) row.get("avg_resolution_hours"),
                (Long) row.get("tickets_meeting_resolution_sla"), (Double) row.get("avg_satisfaction"),
                (Long) row.get("satisfied_count"), (Long) row.get("unsatisfied_count"));
    }

    private static SupportTicket ticket(String id, String priority, String status, LocalDateTime created,
            LocalDateTime response, LocalDateTime resolution, String agent, Integer score) {
        return new SupportTicket(id, "CUST000001", null, "order_issue", priority, status, created, response,
                resolution, agent, score, "subject", "chat");
    }

    /** A resolved ticket that met both SLAs: it moves the watermark and leaves no timer of its own. */
    private static SupportTicket filler(String id, LocalDateTime created) {
        return ticket(id, "low", "closed", created, created.plusMinutes(1), created.plusHours(1), null, null);
    }

    private static SupportTicket withSubject(SupportTicket t, String subject) {
        return new SupportTicket(t.ticketId(), t.customerId(), t.orderId(), t.ticketType(), t.priority(), t.status(),
                t.createdTimestamp(), t.firstResponseTimestamp(), t.resolutionTimestamp(), t.agentId(),
                t.satisfactionScore(), subject, t.channel());
    }

    /** The first watermark past a deadline: what detected_at holds. */
    private static LocalDateTime justAfter(LocalDateTime deadline) {
        return deadline.plus(Duration.ofMillis(1));
    }

    private record Output(Changelog metrics, List<Map<String, Object>> breaches, Changelog agents) {
        List<Map<String, Object>> breachesOf(String ticketId) {
            return breaches.stream().filter(b -> ticketId.equals(b.get("ticket_id"))).toList();
        }
    }

    private static Output run(SupportTicket... tickets) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DataStream<SupportTicket> input = env.fromData(RecordTypes.of(SupportTicket.class), tickets)
                .assignTimestampsAndWatermarks(PerEventWatermarks.<SupportTicket>strategy(
                        (t, previous) -> Tickets.millis(t.createdTimestamp()), BOUND))
                .setParallelism(1);
        SupportPipeline.Streams streams = SupportPipeline.build(input, SupportSettings.defaults());
        List<List<RowData>> collected = CollectedStreams.run(env, streams.metrics(), streams.breaches(), streams.agents());
        return new Output(
                new Changelog(SupportTables.supportMetricsSchema(), SupportTables.supportMetricsEqualityColumns())
                        .applyAll(collected.get(0)),
                Changelog.appended(SupportTables.slaBreachesSchema(), collected.get(1)),
                new Changelog(SupportTables.agentPerformanceSchema(), SupportTables.agentPerformanceEqualityColumns())
                        .applyAll(collected.get(2)));
    }
}
