package cn.campusgate.reliability;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.campusgate.approval.OverdueSteps;
import cn.campusgate.committee.Panels;
import cn.campusgate.evaluation.Feedback;
import cn.campusgate.evaluation.Removals;
import cn.campusgate.supervision.OverdueCases;
import cn.campusgate.whitelist.Whitelists;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every scheduled job runs on every application node at the same time (and at each node's start-up). Here the same
 * job runs in several threads at once, each in its own transaction on one database as two nodes would, and its
 * effects (flags, trace rows, audit entries, notices) must appear exactly once.
 */
@ReliabilityTest
class JobsRunOnceAcrossNodesIT {

    private static final int NODES = 4;

    @Autowired JdbcClient jdbc;
    @Autowired OverdueSteps overdueSteps;
    @Autowired Panels panels;
    @Autowired Feedback feedback;
    @Autowired Removals removals;
    @Autowired OverdueCases overdueCases;
    @Autowired Whitelists whitelists;

    private final LocalDate today = LocalDate.now();

    @Test
    void anOverdueApprovalStepIsFlaggedOnce() throws Exception {
        List<Long> tasks = jdbc.sql("""
                UPDATE approval_task SET due_on = :due WHERE status = 'OPEN' AND NOT overdue_reported RETURNING id""")
                .param("due", Date.valueOf(today.minusDays(3))).query(Long.class).list();
        assertThat(tasks).as("open steps in the demo").isNotEmpty();
        long audited = audited("approval.step-overdue");

        List<Integer> flagged = onEveryNode(overdueSteps::flagNewlyOverdue);

        assertThat(flagged.stream().mapToInt(Integer::intValue).sum()).isEqualTo(tasks.size());
        for (long task : tasks) {
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM approval_trace r JOIN approval_task t
                      ON t.approval_id = r.approval_id AND t.step_no = r.step_no
                    WHERE t.id = :task AND r.kind = 'OVERDUE'""").param("task", task).query(Long.class).single())
                    .as("OVERDUE trace rows of task %d", task).isEqualTo(1);
        }
        assertThat(audited("approval.step-overdue") - audited).isEqualTo(tasks.size());
    }

    @Test
    void aPanelDueTomorrowRemindsItsMembersOnce() throws Exception {
        List<Long> due = jdbc.sql("""
                UPDATE panel SET deadline = :today WHERE status = 'CONVENED' AND reminded_round < round RETURNING id""")
                .param("today", Date.valueOf(today)).query(Long.class).list();
        assertThat(due).as("convened panels in the progressed demo").isNotEmpty();
        long audited = audited("committee.panel-reminded");
        long notices = reminderNotices();
        long pendingMembers = jdbc.sql("""
                SELECT count(*) FROM panel_review r JOIN panel p ON p.id = r.panel_id
                WHERE p.id IN (:ids) AND r.round = p.round AND r.status IN ('AWAITING_DECLARATION', 'IN_REVIEW')""")
                .param("ids", due).query(Long.class).single();

        List<Integer> reminded = onEveryNode(panels::remindDue);

        int total = reminded.stream().mapToInt(Integer::intValue).sum();
        assertThat(total).isEqualTo(due.size());
        assertThat(jdbc.sql("SELECT count(*) FROM panel WHERE id IN (:ids) AND reminded_round = round")
                .param("ids", due).query(Long.class).single()).isEqualTo(due.size());
        assertThat(audited("committee.panel-reminded") - audited).isEqualTo(due.size());
        assertThat(pendingMembers).isPositive();
        assertThat(reminderNotices() - notices)
                .as("one notice per member who had not answered").isEqualTo(pendingMembers);
    }

    @Test
    void aSchoolThatHasNotAnsweredGetsItsOneReminderOnce() throws Exception {
        jdbc.sql("UPDATE evaluated_activity SET closes_on = :closes").param("closes", Date.valueOf(today.plusDays(10)))
                .update();
        // The demo's sampled schools may all have answered: the test makes every request one asked a month ago
        // and not yet answered nor reminded.
        List<Long> requests = jdbc.sql("""
                UPDATE school_feedback SET asked_on = :asked, reminded_on = NULL, answered_on = NULL, held = NULL,
                    usefulness = NULL, burden = NULL, duplication = NULL
                RETURNING id""")
                .param("asked", Date.valueOf(today.minusDays(30))).query(Long.class).list();
        assertThat(requests).as("school requests of the demo's delivered activity").isNotEmpty();
        long audited = audited("evaluation.school-reminded");

        List<Integer> reminded = onEveryNode(() -> feedback.remindOnce(today));

        assertThat(reminded.stream().mapToInt(Integer::intValue).sum()).isEqualTo(requests.size());
        assertThat(audited("evaluation.school-reminded") - audited).isEqualTo(requests.size());
        assertThat(jdbc.sql("SELECT count(*) FROM school_feedback WHERE id IN (:ids) AND reminded_on = :today")
                .param("ids", requests).param("today", Date.valueOf(today)).query(Long.class).single())
                .isEqualTo(requests.size());
    }

    @Test
    void anOverdueSupervisionCaseIsFlaggedAndEscalatedOnce() throws Exception {
        List<Long> cases = jdbc.sql("""
                UPDATE supervision_case SET due_on = :due WHERE status <> 'CLOSED' AND NOT overdue RETURNING id""")
                .param("due", Date.valueOf(today.minusDays(2))).query(Long.class).list();
        assertThat(cases).as("open cases in the demo").isNotEmpty();
        long audited = audited("supervision.case-overdue");
        List<Integer> levels = jdbc.sql("SELECT escalation_level FROM supervision_case WHERE id IN (:ids) ORDER BY id")
                .param("ids", cases).query(Integer.class).list();

        List<Integer> flagged = onEveryNode(overdueCases::flagNewlyOverdue);

        assertThat(audited("supervision.case-overdue") - audited).isEqualTo(cases.size());
        assertThat(flagged.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(cases.size());
        assertThat(jdbc.sql("SELECT escalation_level FROM supervision_case WHERE id IN (:ids) ORDER BY id")
                .param("ids", cases).query(Integer.class).list())
                .as("one level up, not one per node")
                .isEqualTo(levels.stream().map(level -> level + 1).toList());
    }

    @Test
    void theDailyEvaluationAndYearEndJobsRunSideBySideWithoutFailingOrRepeating() throws Exception {
        List<Long> passed = jdbc.sql("""
                UPDATE removal_proposal SET response_due_on = :due WHERE status = 'AWAITING_RESPONSE' RETURNING id""")
                .param("due", Date.valueOf(today.minusDays(1))).query(Long.class).list();
        long audited = audited("evaluation.removal-window-closed");
        long activities = jdbc.sql("SELECT count(*) FROM evaluated_activity").query(Long.class).single();

        // Each throws if its second run trips over the first (a unique key, a state that moved on).
        List<Integer> closed = onEveryNode(removals::closePassedWindows);
        onEveryNode(() -> feedback.openDelivered(today).size());
        onEveryNode(() -> removals.assessAll().size());
        onEveryNode(whitelists::archiveFinishedYears);

        assertThat(closed.stream().mapToInt(Integer::intValue).sum()).isEqualTo(passed.size());
        assertThat(audited("evaluation.removal-window-closed") - audited).isEqualTo(passed.size());
        assertThat(jdbc.sql("SELECT count(*) FROM evaluated_activity").query(Long.class).single())
                .isEqualTo(jdbc.sql("SELECT count(DISTINCT plan_id) FROM evaluated_activity").query(Long.class).single())
                .isGreaterThanOrEqualTo(activities);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM (SELECT whitelist_entry_id FROM removal_proposal
                WHERE status IN ('AWAITING_RESPONSE', 'AWAITING_DECISION') GROUP BY 1 HAVING count(*) > 1) twice""")
                .query(Long.class).single()).isZero();
    }

    private long reminderNotices() {
        return jdbc.sql("SELECT count(*) FROM notification WHERE message_key = 'notice.committee.reminder'")
                .query(Long.class).single();
    }

    private long audited(String action) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = :action").param("action", action)
                .query(Long.class).single();
    }

    /** Runs the job on {@link #NODES} threads released at the same instant; a failure on any of them fails the test. */
    private static <T> List<T> onEveryNode(Callable<T> job) throws Exception {
        CyclicBarrier start = new CyclicBarrier(NODES);
        ExecutorService nodes = Executors.newFixedThreadPool(NODES);
        try {
            List<Future<T>> runs = new ArrayList<>();
            for (int i = 0; i < NODES; i++) {
                runs.add(nodes.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return job.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> run : runs) {
                results.add(run.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            nodes.shutdownNow();
        }
    }
}
