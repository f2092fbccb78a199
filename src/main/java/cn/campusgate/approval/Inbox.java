package cn.campusgate.approval;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.PageSlice;
import cn.campusgate.core.Role;
import cn.campusgate.item.ItemRoute;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inboxes (待办): what waits for a person (their organisation's tasks for their roles, and tasks handed to
 * them) and for their organisation, overdue first; what was copied to the organisation; what they did.
 * Reads only open tasks through partial indexes, so a long history does not slow it down.
 */
@Service
public class Inbox {

    private final JdbcClient jdbc;
    private final Clock clock;

    Inbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One waiting task; {@code overdue} when its due date has passed. */
    public record Entry(long taskId, long approvalId, long itemId, String itemTitle, String departmentName,
                        ItemRoute route, StepKind step, @Nullable Long assigneeId, Instant openedAt, LocalDate dueOn,
                        int reminders, boolean overdue) {
    }

    /** A copy received, or a task done: the item and when. */
    public record Record(long approvalId, long itemId, String itemTitle, String departmentName, String what,
                         Instant at) {
    }

    // A text block drops its lines' trailing spaces: the escaped one keeps "AND" apart from the condition appended.
    private static final String ENTRY = """
            SELECT t.id, t.approval_id, a.item_id, a.item_title, a.department_name, a.route, t.step_kind,
                   t.assignee_id, t.opened_at, t.due_on, t.reminders
            FROM approval_task t JOIN approval a ON a.id = t.approval_id
            WHERE t.status = 'OPEN' AND \s""";

    private static final String MINE = """
            (t.assignee_id = :me OR (t.assignee_id IS NULL AND t.organization_id = :org AND t.role IN (:roles)))""";

    @Transactional(readOnly = true)
    public PageSlice<Entry> mine(int page) {
        return mine(page, "");
    }

    /** The person's tasks whose item title contains {@code text} (all when blank). */
    @Transactional(readOnly = true)
    public PageSlice<Entry> mine(int page, String text) {
        Actor actor = Actors.required();
        return page(MINE, Map.of("me", actor.accountId(), "org", actor.organizationId(), "roles", roles(actor)), page,
                text);
    }

    @Transactional(readOnly = true)
    public PageSlice<Entry> organization(int page, String text) {
        Actor actor = Actors.required();
        // Tasks of the person's organisation for the roles they hold: an expert of the committee does not see the
        // secretary's steps, whose items are not theirs to open.
        return page("t.organization_id = :org AND t.role IN (:roles)",
                Map.of("org", actor.organizationId(), "roles", roles(actor)), page, text);
    }

    @Transactional(readOnly = true)
    public long mineCount() {
        Actor actor = Actors.required();
        return jdbc.sql("SELECT count(*) FROM approval_task t WHERE t.status = 'OPEN' AND " + MINE)
                .param("me", actor.accountId()).param("org", actor.organizationId()).param("roles", roles(actor))
                .query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public PageSlice<Record> copies(int page) {
        return records("FROM approval_copy c JOIN approval a ON a.id = c.approval_id WHERE c.organization_id = :who",
                "c.copied_by, c.copied_at", "c.copied_at", Actors.required().organizationId(), page);
    }

    @Transactional(readOnly = true)
    public PageSlice<Record> done(int page) {
        return records("FROM approval_task t JOIN approval a ON a.id = t.approval_id "
                + "WHERE t.status = 'DONE' AND t.acted_by = :who", "t.outcome, t.acted_at", "t.acted_at",
                Actors.required().username(), page);
    }

    /** One page of copies or of done tasks, newest first; {@code what} and {@code at} name two columns. */
    private PageSlice<Record> records(String from, String whatAndAt, String newestFirst, Object who, int page) {
        long total = jdbc.sql("SELECT count(*) " + from).param("who", who).query(Long.class).single();
        int current = current(page, total);
        List<Record> records = jdbc.sql("SELECT a.id, a.item_id, a.item_title, a.department_name, " + whatAndAt + " "
                        + from + " ORDER BY " + newestFirst + " DESC LIMIT :limit OFFSET :offset")
                .param("who", who).param("limit", PageSlice.DEFAULT_SIZE)
                .param("offset", (current - 1) * PageSlice.DEFAULT_SIZE)
                .query((rs, n) -> new Record(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
        return new PageSlice<>(records, current, PageSlice.DEFAULT_SIZE, total);
    }

    private PageSlice<Entry> page(String taskCondition, Map<String, ?> taskParams, int page, String text) {
        String condition = taskCondition;
        Map<String, Object> params = new java.util.HashMap<>(taskParams);
        if (!text.isBlank()) {
            condition += " AND strpos(a.item_title, :title) > 0";
            params.put("title", text.strip());
        }
        long total = jdbc.sql("SELECT count(*) FROM approval_task t JOIN approval a ON a.id = t.approval_id "
                        + "WHERE t.status = 'OPEN' AND " + condition)
                .params(params).query(Long.class).single();
        int current = current(page, total);
        LocalDate today = LocalDate.now(clock);
        // Ascending due dates put overdue tasks first; the id keeps equal dates in arrival order.
        List<Entry> entries = jdbc.sql(ENTRY + condition + " ORDER BY t.due_on, t.id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", PageSlice.DEFAULT_SIZE)
                .param("offset", (current - 1) * PageSlice.DEFAULT_SIZE)
                .query((rs, n) -> {
                    LocalDate due = rs.getDate(10).toLocalDate();
                    return new Entry(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                            ItemRoute.valueOf(rs.getString(6)), StepKind.valueOf(rs.getString(7)),
                            (Long) rs.getObject(8), rs.getTimestamp(9).toInstant(), due, rs.getInt(11),
                            today.isAfter(due));
                })
                .list();
        return new PageSlice<>(entries, current, PageSlice.DEFAULT_SIZE, total);
    }

    private static int current(int page, long total) {
        int pages = (int) Math.max(1, (total + PageSlice.DEFAULT_SIZE - 1) / PageSlice.DEFAULT_SIZE);
        return Math.min(Math.max(page, 1), pages);
    }

    private static List<String> roles(Actor actor) {
        List<String> roles = actor.roles().stream().map(Role::name).toList();
        return roles.isEmpty() ? List.of("-") : roles;
    }
}
