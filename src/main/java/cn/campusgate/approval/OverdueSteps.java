package cn.campusgate.approval;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cn.campusgate.calendar.WorkingCalendar;
import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.organization.Organization;
import cn.campusgate.organization.Organizations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Overdue steps: flagged once when their due date passes (trace, audit, notice to the holders) and
 * reported to the commission, supervision and the leadership group of the district.
 */
@Service
public class OverdueSteps {

    private final JdbcClient jdbc;
    private final Organizations organizations;
    private final WorkingCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OverdueSteps(JdbcClient jdbc, Organizations organizations, WorkingCalendar calendar,
                 ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
    }

    /** An overdue open task, with how many working days it is late. */
    public record Overdue(long taskId, long approvalId, long itemId, String itemTitle, String departmentName,
                          StepKind step, String organizationName, LocalDate dueOn, int workingDaysLate,
                          int reminders) {
    }

    /** Overdue tasks of the actor's district, the most late first. */
    @Transactional(readOnly = true)
    public List<Overdue> ofDistrict() {
        Actor actor = Actors.required();
        Set<Long> scope = organizations.scopeOf(actor);
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                SELECT t.id, t.approval_id, a.item_id, a.item_title, a.department_name, t.step_kind, t.organization_id,
                       t.due_on, t.reminders, a.jurisdiction_id
                FROM approval_task t JOIN approval a ON a.id = t.approval_id
                WHERE t.status = 'OPEN' AND t.due_on < :today ORDER BY t.due_on, t.id""")
                .param("today", Date.valueOf(today))
                .query((rs, n) -> scope.contains(rs.getLong(10)) ? new Overdue(rs.getLong(1), rs.getLong(2),
                        rs.getLong(3), rs.getString(4), rs.getString(5), StepKind.valueOf(rs.getString(6)),
                        organizations.find(rs.getLong(7)).map(Organization::name).orElse("—"),
                        rs.getDate(8).toLocalDate(), calendar.workingDaysBetween(rs.getDate(8).toLocalDate(), today),
                        rs.getInt(9)) : null)
                .list().stream().filter(java.util.Objects::nonNull).toList();
    }

    /** A node that was down over a deadline flags it when it starts. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void flagAtStartup() {
        flagNewlyOverdue();
    }

    /** Flags every task that became overdue since the last run; runs each morning and at start-up. */
    @Scheduled(cron = "${campusgate.approval.overdue-cron:0 0 8 * * *}", zone = "Asia/Shanghai")
    @Transactional
    public int flagNewlyOverdue() {
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        record Flagged(long taskId, long approvalId, long itemId, String itemTitle, long organizationId,
                       cn.campusgate.core.Role role, Long assignee, LocalDate dueOn, int stepNo) {
        }
        // Nodes running this at once take disjoint tasks (SKIP LOCKED) and each writes in approval order: two nodes
        // locking the same approvals in different orders deadlocked in the two-nodes drill.
        List<Flagged> flagged = jdbc.sql("""
                UPDATE approval_task t SET overdue_reported = TRUE FROM approval a
                WHERE a.id = t.approval_id AND t.id IN (
                    SELECT id FROM approval_task
                    WHERE status = 'OPEN' AND NOT overdue_reported AND due_on < :today
                    ORDER BY approval_id, id FOR UPDATE SKIP LOCKED)
                RETURNING t.id, t.approval_id, a.item_id, a.item_title, t.organization_id, t.role, t.assignee_id,
                          t.due_on, t.step_no""")
                .param("today", Date.valueOf(today))
                .query((rs, n) -> new Flagged(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getLong(5), cn.campusgate.core.Role.valueOf(rs.getString(6)), (Long) rs.getObject(7),
                        rs.getDate(8).toLocalDate(), rs.getInt(9)))
                .list().stream()
                .sorted(java.util.Comparator.comparingLong(Flagged::approvalId).thenComparingLong(Flagged::taskId))
                .toList();
        for (Flagged f : flagged) {
            String organization = organizations.find(f.organizationId()).map(Organization::name).orElse("—");
            jdbc.sql("""
                    INSERT INTO approval_trace (approval_id, kind, step_no, organization_name, actor, actor_name, due_on, at)
                    VALUES (:approval, 'OVERDUE', :step, :org, 'system', '', :due, :at)""")
                    .param("approval", f.approvalId()).param("step", f.stepNo()).param("org", organization)
                    .param("due", Date.valueOf(f.dueOn())).param("at", java.sql.Timestamp.from(now))
                    .update();
            events.publishEvent(new ApprovalEvents.StepOverdue(Actors.SYSTEM, f.approvalId(), f.taskId(), f.itemId(),
                    f.itemTitle(), f.organizationId(), f.role(), f.assignee() == null ? List.of() : List.of(f.assignee()),
                    f.dueOn()));
        }
        return flagged.size();
    }
}
