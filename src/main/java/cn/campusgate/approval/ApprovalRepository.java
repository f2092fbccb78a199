package cn.campusgate.approval;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import cn.campusgate.core.Role;
import cn.campusgate.core.SqlArrays;
import cn.campusgate.item.ItemRoute;
import cn.campusgate.organization.SchoolStage;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores chains with their tasks and trace, and the procedures they follow. */
@Repository
class ApprovalRepository {

    private static final TypeReference<List<StepDefinition>> STEPS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();
    /** Procedure revisions never change once written. */
    private final Map<Long, Procedure> procedures = new ConcurrentHashMap<>();

    ApprovalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- procedures ---

    Procedure procedure(long id) {
        return procedures.computeIfAbsent(id, key -> jdbc.sql("SELECT * FROM procedure_definition WHERE id = :id")
                .param("id", key).query(this::mapProcedure).single());
    }

    Procedure activeProcedure(ItemRoute route) {
        long id = jdbc.sql("SELECT id FROM procedure_definition WHERE route = :route AND active")
                .param("route", route.name()).query(Long.class).single();
        return procedure(id);
    }

    List<Procedure> revisions(ItemRoute route) {
        return jdbc.sql("SELECT * FROM procedure_definition WHERE route = :route ORDER BY revision DESC")
                .param("route", route.name()).query(this::mapProcedure).list();
    }

    /** Writes the next revision and makes it the active one; the caller holds the route's lock. */
    Procedure addRevision(ItemRoute route, List<StepDefinition> steps, String note, String by, Instant at) {
        jdbc.sql("SELECT id FROM procedure_definition WHERE route = :route AND active FOR UPDATE")
                .param("route", route.name()).query(Long.class).list();
        int next = jdbc.sql("SELECT coalesce(max(revision), 0) + 1 FROM procedure_definition WHERE route = :route")
                .param("route", route.name()).query(Integer.class).single();
        jdbc.sql("UPDATE procedure_definition SET active = FALSE WHERE route = :route AND active")
                .param("route", route.name()).update();
        long id = jdbc.sql("""
                INSERT INTO procedure_definition (route, revision, steps, note, active, created_by, created_at)
                VALUES (:route, :revision, CAST(:steps AS jsonb), :note, TRUE, :by, :at) RETURNING id""")
                .param("route", route.name()).param("revision", next).param("steps", json.writeValueAsString(steps))
                .param("note", note).param("by", by).param("at", Timestamp.from(at))
                .query(Long.class).single();
        return procedure(id);
    }

    long approvalsOn(long procedureId) {
        return jdbc.sql("SELECT count(*) FROM approval WHERE procedure_id = :id AND status IN ('IN_PROGRESS', 'AWAITING_CORRECTION')")
                .param("id", procedureId).query(Long.class).single();
    }

    private Procedure mapProcedure(ResultSet rs, int row) throws SQLException {
        return new Procedure(rs.getLong("id"), ItemRoute.valueOf(rs.getString("route")), rs.getInt("revision"),
                json.readValue(rs.getString("steps"), STEPS), rs.getString("note"), rs.getBoolean("active"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }

    // --- chains ---

    /** The chain under way for an item, locked for this transaction: actions on one chain queue up. */
    Optional<Approval> lockOpenForItem(long itemId) {
        return jdbc.sql("""
                SELECT * FROM approval WHERE item_id = :item AND status IN ('IN_PROGRESS', 'AWAITING_CORRECTION')
                FOR UPDATE""").param("item", itemId).query(this::mapApproval).optional();
    }

    Optional<Approval> lock(long id) {
        return jdbc.sql("SELECT * FROM approval WHERE id = :id FOR UPDATE").param("id", id)
                .query(this::mapApproval).optional();
    }

    /** The chain that holds the task, locked: one round trip instead of finding it and then locking it. */
    Optional<Approval> lockForTask(long taskId) {
        return jdbc.sql("""
                SELECT * FROM approval WHERE id = (SELECT approval_id FROM approval_task WHERE id = :task)
                FOR UPDATE""").param("task", taskId).query(this::mapApproval).optional();
    }

    /** The item's most recent chain, finished or not. */
    Optional<Approval> latestForItem(long itemId) {
        return jdbc.sql("SELECT * FROM approval WHERE item_id = :item ORDER BY id DESC LIMIT 1")
                .param("item", itemId).query(this::mapApproval).optional();
    }

    Approval save(Approval approval) {
        if (approval.isNew()) {
            long id = jdbc.sql("""
                    INSERT INTO approval (item_id, procedure_id, department_id, item_title, department_name, route,
                        jurisdiction_id, year, exempt, starts_on, ends_on, stages, target_schools, status, current_step,
                        paused_working_days, applicants, last_submitted_at, district_approved, started_at, updated_at,
                        finished_at, version)
                    VALUES (:item, :procedure, :department, :title, :departmentName, :route, :jurisdiction, :year,
                        :exempt, :startsOn, :endsOn, CAST(:stages AS text[]), :schools, :status, :step, :paused,
                        CAST(:applicants AS text[]), :submittedAt, :districtApproved, :startedAt, :updatedAt,
                        :finishedAt, 0)
                    RETURNING id""")
                    .params(columns(approval)).param("item", approval.itemId())
                    .param("procedure", approval.procedure().id()).param("department", approval.departmentId())
                    .param("departmentName", approval.departmentName()).param("route", approval.route().name())
                    .param("jurisdiction", approval.jurisdictionId())
                    .param("startedAt", Timestamp.from(approval.startedAt()))
                    .query(Long.class).single();
            approval.assignId(id);
        } else {
            int updated = jdbc.sql("""
                    UPDATE approval SET item_title = :title, year = :year, exempt = :exempt, starts_on = :startsOn,
                        ends_on = :endsOn, stages = CAST(:stages AS text[]), target_schools = :schools, status = :status,
                        current_step = :step, paused_working_days = :paused, applicants = CAST(:applicants AS text[]),
                        last_submitted_at = :submittedAt, district_approved = :districtApproved,
                        updated_at = :updatedAt, finished_at = :finishedAt, version = version + 1
                    WHERE id = :id AND version = :version""")
                    .params(columns(approval)).param("id", approval.id()).param("version", approval.version())
                    .update();
            if (updated == 0) {
                throw new OptimisticLockingFailureException("approval " + approval.id() + " changed meanwhile");
            }
            approval.bumpVersion();
        }
        for (ApprovalTask task : approval.tasks()) {
            saveTask(approval.id(), task);
        }
        List<TraceEntry> trace = approval.drainTrace();
        if (!trace.isEmpty()) {
            // One statement for the action's trace lines (a decision writes two: decided, next step opened).
            StringBuilder sql = new StringBuilder("""
                    INSERT INTO approval_trace (approval_id, kind, step_no, organization_name, actor, actor_name, text,
                                                due_on, at, system_text)
                    VALUES \s""");
            List<Object> values = new java.util.ArrayList<>(trace.size() * 10);
            for (TraceEntry entry : trace) {
                sql.append(values.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                values.add(approval.id());
                values.add(entry.kind().name());
                values.add(entry.stepNo());
                values.add(entry.organizationName());
                values.add(entry.actor());
                values.add(entry.actorName());
                values.add(entry.text());
                values.add(entry.dueOn() == null ? null : Date.valueOf(entry.dueOn()));
                values.add(Timestamp.from(entry.at()));
                values.add(entry.systemText() == null ? null : entry.systemText().toJson());
            }
            jdbc.sql(sql.toString()).params(values).update();
        }
        return approval;
    }

    private static Map<String, Object> columns(Approval approval) {
        Map<String, Object> columns = new java.util.HashMap<>();
        columns.put("title", approval.itemTitle());
        columns.put("year", approval.year());
        columns.put("exempt", approval.exempt());
        columns.put("startsOn", Date.valueOf(approval.scope().startsOn()));
        columns.put("endsOn", Date.valueOf(approval.scope().endsOn()));
        columns.put("stages", SqlArrays.textArray(approval.scope().stages().stream().map(Enum::name).sorted().toList()));
        columns.put("schools", approval.scope().targetSchools());
        columns.put("status", approval.status().name());
        columns.put("step", approval.currentStep());
        columns.put("paused", approval.pausedWorkingDays());
        columns.put("applicants", SqlArrays.textArray(List.copyOf(approval.applicants())));
        columns.put("submittedAt", Timestamp.from(approval.lastSubmittedAt()));
        columns.put("districtApproved", approval.districtApproved());
        columns.put("updatedAt", Timestamp.from(approval.updatedAt()));
        columns.put("finishedAt", approval.finishedAt() == null ? null : Timestamp.from(approval.finishedAt()));
        return columns;
    }

    private void saveTask(long approvalId, ApprovalTask task) {
        if (task.isNew()) {
            long id = jdbc.sql("""
                    INSERT INTO approval_task (approval_id, step_no, step_kind, organization_id, role, assignee_id,
                        status, opened_at, due_on)
                    VALUES (:approval, :step, :kind, :organization, :role, :assignee, :status, :openedAt, :due)
                    RETURNING id""")
                    .param("approval", approvalId).param("step", task.stepNo()).param("kind", task.stepKind().name())
                    .param("organization", task.organizationId()).param("role", task.role().name())
                    .param("assignee", task.assigneeId()).param("status", task.status().name())
                    .param("openedAt", Timestamp.from(task.openedAt())).param("due", Date.valueOf(task.dueOn()))
                    .query(Long.class).single();
            task.assignId(id);
        } else if (task.changed()) {
            jdbc.sql("""
                    UPDATE approval_task SET assignee_id = :assignee, status = :status, outcome = :outcome,
                        opinion = :opinion, acted_by = :actedBy, acted_by_name = :actedByName, acted_at = :actedAt,
                        reminders = :reminders, last_reminded_at = :remindedAt, quota_override = :override
                    WHERE id = :id""")
                    .param("assignee", task.assigneeId()).param("status", task.status().name())
                    .param("outcome", task.outcome() == null ? null : task.outcome().name())
                    .param("opinion", task.opinion()).param("actedBy", task.actedBy())
                    .param("actedByName", task.actedByName())
                    .param("actedAt", task.actedAt() == null ? null : Timestamp.from(task.actedAt()))
                    .param("reminders", task.reminders())
                    .param("remindedAt", task.lastRemindedAt() == null ? null : Timestamp.from(task.lastRemindedAt()))
                    .param("override", task.quotaOverride()).param("id", task.id())
                    .update();
        }
        task.saved();
    }

    private Approval mapApproval(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        List<ApprovalTask> tasks = jdbc.sql("SELECT * FROM approval_task WHERE approval_id = :id ORDER BY id")
                .param("id", id).query(ApprovalRepository::mapTask).list();
        Set<SchoolStage> stages = EnumSet.noneOf(SchoolStage.class);
        SqlArrays.strings(rs.getArray("stages")).forEach(s -> stages.add(SchoolStage.valueOf(s)));
        ItemScope scope = new ItemScope(rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(),
                stages, rs.getString("target_schools"));
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Approval(id, rs.getInt("version"), rs.getLong("item_id"), procedure(rs.getLong("procedure_id")),
                rs.getLong("department_id"), rs.getString("item_title"), rs.getString("department_name"),
                rs.getLong("jurisdiction_id"), rs.getBoolean("exempt"), scope,
                ApprovalStatus.valueOf(rs.getString("status")), rs.getInt("current_step"),
                (Integer) rs.getObject("paused_working_days"), new LinkedHashSet<>(SqlArrays.strings(rs.getArray("applicants"))),
                rs.getTimestamp("last_submitted_at").toInstant(), rs.getBoolean("district_approved"),
                rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                finished == null ? null : finished.toInstant(), tasks);
    }

    private static ApprovalTask mapTask(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        Timestamp acted = rs.getTimestamp("acted_at");
        Timestamp reminded = rs.getTimestamp("last_reminded_at");
        return new ApprovalTask(rs.getLong("id"), rs.getInt("step_no"), StepKind.valueOf(rs.getString("step_kind")),
                rs.getLong("organization_id"), Role.valueOf(rs.getString("role")), (Long) rs.getObject("assignee_id"),
                TaskStatus.valueOf(rs.getString("status")), outcome == null ? null : Decision.valueOf(outcome),
                rs.getString("opinion"), rs.getString("acted_by"), rs.getString("acted_by_name"),
                acted == null ? null : acted.toInstant(), rs.getTimestamp("opened_at").toInstant(),
                rs.getDate("due_on").toLocalDate(), rs.getInt("reminders"),
                reminded == null ? null : reminded.toInstant(), rs.getString("quota_override"));
    }

    // --- trace and copies ---

    List<TraceEntry> trace(long approvalId) {
        return jdbc.sql("SELECT * FROM approval_trace WHERE approval_id = :id ORDER BY id").param("id", approvalId)
                .query((rs, n) -> {
                    Date due = rs.getDate("due_on");
                    return new TraceEntry(TraceKind.valueOf(rs.getString("kind")), (Integer) rs.getObject("step_no"),
                            rs.getString("organization_name"), rs.getString("actor"), rs.getString("actor_name"),
                            rs.getString("text"), due == null ? null : due.toLocalDate(),
                            rs.getTimestamp("at").toInstant(),
                            cn.campusgate.core.SystemText.fromJson(rs.getString("system_text")));
                }).list();
    }

    /** Records copies; returns the organisations that did not have one yet. */
    List<Long> addCopies(long approvalId, List<Long> organizationIds, String by, Instant at) {
        return organizationIds.stream().filter(org -> jdbc.sql("""
                INSERT INTO approval_copy (approval_id, organization_id, copied_by, copied_at)
                VALUES (:approval, :org, :by, :at) ON CONFLICT DO NOTHING""")
                .param("approval", approvalId).param("org", org).param("by", by).param("at", Timestamp.from(at))
                .update() == 1).toList();
    }

    /**
     * Whether the organisation holds (or held) a step of the item's chain for one of these roles, or received
     * a copy. Only the step's role counts: an expert of the committee does not read an item because the
     * committee's secretary holds its step.
     */
    boolean takesPart(long itemId, long organizationId, Set<Role> roles) {
        List<String> names = roles.isEmpty() ? List.of("-") : roles.stream().map(Role::name).toList();
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM approval a JOIN approval_task t ON t.approval_id = a.id
                               WHERE a.item_id = :item AND t.organization_id = :org AND t.role IN (:roles))
                    OR EXISTS (SELECT 1 FROM approval a JOIN approval_copy c ON c.approval_id = a.id
                               WHERE a.item_id = :item AND c.organization_id = :org)""")
                .param("item", itemId).param("org", organizationId).param("roles", names).query(Boolean.class).single();
    }
}
