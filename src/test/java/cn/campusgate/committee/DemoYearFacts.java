package cn.campusgate.committee;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import cn.campusgate.audit.AuditTrail;
import cn.campusgate.core.DemoClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a fresh demo start shows, checked for the day the demo was started on (the real today, or the day a subclass
 * starts the wall clock on): the current year's two lists in force through the real lifecycle, next year's list under
 * comment, the current year's campaign, and no demo fact that contradicts today.
 */
abstract class DemoYearFacts {

    @Autowired JdbcClient jdbc;
    @Autowired AuditTrail audit;
    @Autowired DemoClock demoClock;
    @Autowired MockMvc mvc;
    @Autowired java.time.Clock clock;

    LocalDate today() {
        return demoClock.state().today();
    }

    @Test
    void theCurrentYearsListsAreInForceReachedThroughTheirWholeLifecycle() throws Exception {
        int year = today().getYear();
        for (String kind : List.of("SOCIAL_AFFAIRS", "INSPECTION")) {
            Map<String, Object> list = jdbc.sql("""
                    SELECT id, status, effective_from, effective_to, comment_starts_on, comment_ends_on, approved_by
                    FROM whitelist WHERE year = :year AND kind = :kind""")
                    .param("year", year).param("kind", kind).query().singleRow();
            assertThat(list.get("status")).as(kind).isEqualTo("PUBLISHED");
            LocalDate from = ((java.sql.Date) list.get("effective_from")).toLocalDate();
            LocalDate to = ((java.sql.Date) list.get("effective_to")).toLocalDate();
            assertThat(today()).as(kind + " in force today").isBetween(from, to);
            LocalDate commentStarts = ((java.sql.Date) list.get("comment_starts_on")).toLocalDate();
            LocalDate commentEnds = ((java.sql.Date) list.get("comment_ends_on")).toLocalDate();
            assertThat(ChronoUnit.DAYS.between(commentStarts, commentEnds) + 1).as("公示 days").isEqualTo(7)
                    .isEqualTo(cn.campusgate.whitelist.Whitelist.DEFAULT_COMMENT_DAYS)
                    .isEqualTo(cn.campusgate.core.DemoTimeline.COMMENT_DAYS);
            assertThat(commentEnds).isBefore(from);
            assertThat(list.get("approved_by")).isEqualTo("district");
            long id = ((Number) list.get("id")).longValue();
            Map<String, Object> entries = jdbc.sql("""
                    SELECT count(*) AS entries, count(DISTINCT department_id) AS departments
                    FROM whitelist_entry WHERE whitelist_id = :id AND NOT removed""").param("id", id).query().singleRow();
            assertThat(((Number) entries.get("entries")).longValue()).as(kind + " entries").isGreaterThanOrEqualTo(8);
            assertThat(((Number) entries.get("departments")).longValue()).as(kind + " departments").isGreaterThanOrEqualTo(4);
            // Through the services: each step is in the audit trail, in the order of the lifecycle.
            List<String> steps = jdbc.sql("""
                    SELECT action FROM audit_entry WHERE subject = :subject AND action IN ('whitelist.comment-period-started',
                    'whitelist.approved', 'whitelist.version-published') ORDER BY seq""")
                    .param("subject", "whitelist:" + id).query(String.class).list();
            assertThat(steps).containsExactly("whitelist.comment-period-started", "whitelist.approved",
                    "whitelist.version-published");
        }
        // A visitor objected to the inspection list during its 公示 and the commission answered before approval.
        assertThat(jdbc.sql("""
                SELECT count(*) FROM whitelist_objection o JOIN whitelist w ON w.id = o.whitelist_id
                WHERE w.year = :year AND o.answered_at IS NOT NULL""").param("year", year).query(Long.class).single())
                .isGreaterThanOrEqualTo(1);
        // Every entry of the current year runs inside the year.
        assertThat(jdbc.sql("""
                SELECT count(*) FROM whitelist_entry e JOIN whitelist w ON w.id = e.whitelist_id
                WHERE w.year = :year AND (extract(year FROM e.starts_on) <> :year OR extract(year FROM e.ends_on) <> :year)""")
                .param("year", year).query(Long.class).single()).isZero();
    }

    @Test
    void theParentsCheckAnswersCoveredForTheFireBrigadesLessonAndNotListedForAnUnlistedOne() throws Exception {
        mvc.perform(get("/api/v1/public/whitelist/check").param("school", "合川区二郎镇中心小学")
                        .param("department", "区消防救援支队").param("title", "消防安全教育").param("date", today().toString()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.reason").value("COVERED"));
        mvc.perform(get("/api/v1/public/whitelist/check").param("school", "合川区二郎镇中心小学")
                        .param("department", "区公安局").param("title", "反诈APP推广进校园").param("date", today().toString()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.reason").value("NOT_LISTED"));
    }

    @Test
    void nextYearsListIsUnderCommentForTheDefaultSevenDays() {
        Map<String, Object> next = jdbc.sql("""
                SELECT status, comment_starts_on, comment_ends_on FROM whitelist
                WHERE year = :year AND kind = 'SOCIAL_AFFAIRS'""").param("year", today().getYear() + 1).query().singleRow();
        assertThat(next.get("status")).isEqualTo("COMMENT_PERIOD");
        LocalDate starts = ((java.sql.Date) next.get("comment_starts_on")).toLocalDate();
        LocalDate ends = ((java.sql.Date) next.get("comment_ends_on")).toLocalDate();
        assertThat(today()).isBetween(starts, ends);
        assertThat(ChronoUnit.DAYS.between(starts, ends) + 1).isEqualTo(7);
    }

    @Test
    void theCurrentYearsCampaignHasNothingOverdueAndNothingDoneAheadOfToday() {
        LocalDate today = today();
        Long campaign = jdbc.sql("SELECT id FROM campaign WHERE year = :year").param("year", today.getYear())
                .query(Long.class).single();
        List<Map<String, Object>> milestones = jdbc.sql("""
                SELECT kind, due_on, status, completed_on FROM campaign_milestone WHERE campaign_id = :id""")
                .param("id", campaign).query().listOfRows();
        assertThat(milestones).hasSize(5);
        for (Map<String, Object> m : milestones) {
            LocalDate due = m.get("due_on") == null ? null : ((java.sql.Date) m.get("due_on")).toLocalDate();
            if (due != null && due.isBefore(today)) {
                assertThat(m.get("status")).as("%s due %s", m.get("kind"), due).isEqualTo("COMPLETED");
            }
            if (m.get("completed_on") != null) {
                assertThat(((java.sql.Date) m.get("completed_on")).toLocalDate()).isBeforeOrEqualTo(today);
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM campaign WHERE year < :year").param("year", today.getYear())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT max(occurred_on) FROM survey_affair").query(LocalDate.class).optional()
                .orElse(today)).isBeforeOrEqualTo(today);
    }

    @Test
    void deliveredMeansEndedAndFeedbackComesAfterDelivery() {
        LocalDate today = today();
        // Every evaluated (delivered) activity has ended; its plan was filed a month ahead and approved.
        for (Map<String, Object> a : jdbc.sql("""
                SELECT a.ends_on, a.opened_on, p.status, p.submitted_at, p.starts_on FROM evaluated_activity a
                JOIN implementation_plan p ON p.id = a.plan_id""").query().listOfRows()) {
            LocalDate ends = ((java.sql.Date) a.get("ends_on")).toLocalDate();
            assertThat(ends).isBefore(today);
            assertThat(((java.sql.Date) a.get("opened_on")).toLocalDate()).isAfter(ends);
            assertThat(a.get("status")).isEqualTo("APPROVED");
        }
        assertThat(jdbc.sql("""
                SELECT count(*) FROM public_feedback f JOIN evaluated_activity a ON a.id = f.activity_id
                WHERE f.week_of + 6 <= a.ends_on""").query(Long.class).single()).as("feedback before delivery").isZero();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM school_feedback f JOIN evaluated_activity a ON a.id = f.activity_id
                WHERE f.answered_on IS NOT NULL AND f.answered_on <= a.ends_on""").query(Long.class).single()).isZero();
        // Nothing recorded or complained about in the future; no approval step overdue at the start.
        assertThat(jdbc.sql("SELECT count(*) FROM sentinel_record WHERE occurred_on > :t").param("t", today)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM complaint WHERE happened_on > :t").param("t", today)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM approval_task WHERE status = 'OPEN' AND due_on < :t").param("t", today)
                .query(Long.class).single()).as("overdue approval steps").isZero();
    }

    @Test
    void theAuditTrailIsIntactAndItsTimesOnlyGrowUpToNow() {
        assertThat(audit.verify().valid()).isTrue();
        List<Instant> times = jdbc.sql("SELECT occurred_at FROM audit_entry ORDER BY seq")
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i)).as("entry %d", i + 1).isAfterOrEqualTo(times.get(i - 1));
        }
        assertThat(times.getLast()).isBeforeOrEqualTo(clock.instant().plusSeconds(60));
        // The story starts in November of last year: the seed ran it as of then.
        assertThat(LocalDate.ofInstant(times.getFirst(), clock.getZone()))
                .isEqualTo(LocalDate.of(today().getYear() - 1, 11, 2));
    }
}
