package cn.campusgate.monitoring;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.campusgate.screening.Finding;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores sentinel records, alerts and monthly returns; findings, facts and return lines as JSON. */
@Repository
class MonitoringRepository {

    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<ReturnLine>> LINES = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

    MonitoringRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- records ---

    long insertRecord(SentinelRecord r) {
        Map<String, Object> p = new HashMap<>();
        p.put("school", r.schoolId());
        p.put("schoolName", r.schoolName());
        p.put("jurisdiction", r.jurisdictionId());
        p.put("kind", r.kind().name());
        p.put("plan", r.planId());
        p.put("department", r.departmentId());
        p.put("departmentName", r.departmentName());
        p.put("title", r.title());
        p.put("occurredOn", Date.valueOf(r.occurredOn()));
        p.put("endsOn", r.endsOn() == null ? null : Date.valueOf(r.endsOn()));
        p.put("classHours", r.classHours());
        p.put("teachers", r.teachers());
        p.put("demands", r.demands().stream().sorted().map(Enum::name).collect(Collectors.joining(",")));
        p.put("assignedOn", r.assignedOn() == null ? null : Date.valueOf(r.assignedOn()));
        p.put("comprehensive", r.comprehensive());
        p.put("note", r.note());
        p.put("coverage", r.coverage());
        p.put("findings", json.writeValueAsString(r.findings()));
        p.put("by", r.recordedBy());
        p.put("at", Timestamp.from(r.recordedAt()));
        return jdbc.sql("""
                INSERT INTO sentinel_record (school_id, school_name, jurisdiction_id, kind, plan_id, department_id,
                    department_name, title, occurred_on, ends_on, class_hours, teachers, demands, assigned_on,
                    comprehensive, note, coverage, findings, recorded_by, recorded_at)
                VALUES (:school, :schoolName, :jurisdiction, :kind, :plan, :department, :departmentName, :title,
                    :occurredOn, :endsOn, :classHours, :teachers, :demands, :assignedOn, :comprehensive, :note,
                    :coverage, CAST(:findings AS jsonb), :by, :at)
                RETURNING id""").params(p).query(Long.class).single();
    }

    Optional<SentinelRecord> record(long id) {
        return jdbc.sql("SELECT * FROM sentinel_record WHERE id = :id").param("id", id).query(this::mapRecord).optional();
    }

    List<SentinelRecord> recordsOfSchool(long schoolId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT * FROM sentinel_record WHERE school_id = :s AND occurred_on BETWEEN :from AND :to
                ORDER BY occurred_on DESC, id DESC""")
                .param("s", schoolId).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query(this::mapRecord).list();
    }

    List<SentinelRecord> recentOfSchool(long schoolId, int limit) {
        return jdbc.sql("SELECT * FROM sentinel_record WHERE school_id = :s ORDER BY occurred_on DESC, id DESC LIMIT :n")
                .param("s", schoolId).param("n", limit).query(this::mapRecord).list();
    }

    List<SentinelRecord> recordsOfJurisdictions(Collection<Long> jurisdictions, int limit) {
        if (jurisdictions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT * FROM sentinel_record WHERE jurisdiction_id IN (:js) ORDER BY recorded_at DESC, id DESC
                LIMIT :n""").param("js", jurisdictions).param("n", limit).query(this::mapRecord).list();
    }

    private SentinelRecord mapRecord(ResultSet rs, int row) throws SQLException {
        long plan = rs.getLong("plan_id");
        Long planId = rs.wasNull() ? null : plan;
        String demands = rs.getString("demands");
        Set<Demand> parsed = demands == null || demands.isBlank() ? Set.of()
                : Arrays.stream(demands.split(",")).map(Demand::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Demand.class)));
        return new SentinelRecord(rs.getLong("id"), rs.getLong("school_id"), rs.getString("school_name"),
                rs.getLong("jurisdiction_id"), RecordKind.valueOf(rs.getString("kind")), planId,
                rs.getLong("department_id"), rs.getString("department_name"), rs.getString("title"),
                rs.getDate("occurred_on").toLocalDate(), localDate(rs, "ends_on"), rs.getInt("class_hours"),
                rs.getInt("teachers"), parsed, localDate(rs, "assigned_on"), rs.getBoolean("comprehensive"),
                rs.getString("note"), rs.getString("coverage"), json.readValue(rs.getString("findings"), FINDINGS),
                rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
    }

    // --- alerts ---

    void insertAlert(Alert a) {
        long id = jdbc.sql("""
                INSERT INTO monitoring_alert (kind, record_id, school_id, school_name, department_id, department_name,
                    jurisdiction_id, facts, status, raised_at)
                VALUES (:kind, :record, :school, :schoolName, :department, :departmentName, :jurisdiction,
                    CAST(:facts AS jsonb), :status, :at)
                RETURNING id""")
                .param("kind", a.kind().name()).param("record", a.recordId()).param("school", a.schoolId())
                .param("schoolName", a.schoolName()).param("department", a.departmentId())
                .param("departmentName", a.departmentName()).param("jurisdiction", a.jurisdictionId())
                .param("facts", json.writeValueAsString(a.facts())).param("status", a.status().name())
                .param("at", Timestamp.from(a.raisedAt())).query(Long.class).single();
        a.assignId(id);
    }

    void saveAlert(Alert a) {
        int updated = jdbc.sql("""
                UPDATE monitoring_alert SET status = :status, handled_by = :by, handled_at = :at,
                    dismissal_reason = :reason, case_note = :note, version = version + 1
                WHERE id = :id AND version = :version""")
                .param("status", a.status().name()).param("by", a.handledBy())
                .param("at", a.handledAt() == null ? null : Timestamp.from(a.handledAt()))
                .param("reason", a.dismissalReason()).param("note", a.caseNote()).param("id", a.id())
                .param("version", a.version()).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("alert " + a.id() + " changed meanwhile");
        }
        a.incrementVersion();
    }

    Optional<Alert> alert(long id) {
        return jdbc.sql("SELECT * FROM monitoring_alert WHERE id = :id").param("id", id).query(this::mapAlert).optional();
    }

    Optional<Alert> lockAlert(long id) {
        return jdbc.sql("SELECT * FROM monitoring_alert WHERE id = :id FOR UPDATE").param("id", id)
                .query(this::mapAlert).optional();
    }

    List<Alert> alertsOf(Collection<Long> jurisdictions, @Nullable AlertStatus status) {
        if (jurisdictions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM monitoring_alert WHERE jurisdiction_id IN (:js)"
                        + (status == null ? "" : " AND status = :status") + " ORDER BY raised_at DESC, id DESC")
                .param("js", jurisdictions).param("status", status == null ? "" : status.name())
                .query(this::mapAlert).list();
    }

    List<Alert> alertsOfRecord(long recordId) {
        return jdbc.sql("SELECT * FROM monitoring_alert WHERE record_id = :r ORDER BY id").param("r", recordId)
                .query(this::mapAlert).list();
    }

    List<Alert> alertsOfSchool(long schoolId) {
        return jdbc.sql("SELECT * FROM monitoring_alert WHERE school_id = :s ORDER BY raised_at DESC, id DESC")
                .param("s", schoolId).query(this::mapAlert).list();
    }

    long countNew(Collection<Long> jurisdictions) {
        if (jurisdictions.isEmpty()) {
            return 0;
        }
        return jdbc.sql("SELECT count(*) FROM monitoring_alert WHERE jurisdiction_id IN (:js) AND status = 'NEW'")
                .param("js", jurisdictions).query(Long.class).single();
    }

    private Alert mapAlert(ResultSet rs, int row) throws SQLException {
        Timestamp handled = rs.getTimestamp("handled_at");
        return new Alert(rs.getLong("id"), rs.getInt("version"), AlertKind.valueOf(rs.getString("kind")),
                rs.getLong("record_id"), rs.getLong("school_id"), rs.getString("school_name"),
                rs.getLong("department_id"), rs.getString("department_name"), rs.getLong("jurisdiction_id"),
                json.readValue(rs.getString("facts"), STRINGS), AlertStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("raised_at").toInstant(), rs.getString("handled_by"),
                handled == null ? null : handled.toInstant(), rs.getString("dismissal_reason"),
                rs.getString("case_note"));
    }

    // --- monthly returns ---

    Optional<MonthlyReturn> monthlyReturn(long schoolId, YearMonth month) {
        return jdbc.sql("SELECT * FROM monthly_return WHERE school_id = :s AND month = :m")
                .param("s", schoolId).param("m", Date.valueOf(month.atDay(1))).query(this::mapReturn).optional();
    }

    Optional<MonthlyReturn> monthlyReturn(long id) {
        return jdbc.sql("SELECT * FROM monthly_return WHERE id = :id").param("id", id).query(this::mapReturn).optional();
    }

    List<MonthlyReturn> returnsOf(long schoolId) {
        return jdbc.sql("SELECT * FROM monthly_return WHERE school_id = :s ORDER BY month DESC").param("s", schoolId)
                .query(this::mapReturn).list();
    }

    List<MonthlyReturn> returnsOfJurisdictions(Collection<Long> jurisdictions, YearMonth month) {
        if (jurisdictions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM monthly_return WHERE jurisdiction_id IN (:js) AND month = :m ORDER BY school_id")
                .param("js", jurisdictions).param("m", Date.valueOf(month.atDay(1))).query(this::mapReturn).list();
    }

    /** Inserts unless another request made the month's return first; then reads that one. */
    MonthlyReturn insertReturn(MonthlyReturn r) {
        List<Long> ids = jdbc.sql("""
                INSERT INTO monthly_return (school_id, jurisdiction_id, month, status, lines, prefilled_at)
                VALUES (:s, :j, :m, :status, CAST(:lines AS jsonb), :at)
                ON CONFLICT (school_id, month) DO NOTHING RETURNING id""")
                .param("s", r.schoolId()).param("j", r.jurisdictionId()).param("m", Date.valueOf(r.month().atDay(1)))
                .param("status", r.status().name()).param("lines", json.writeValueAsString(r.lines()))
                .param("at", Timestamp.from(r.prefilledAt())).query(Long.class).list();
        if (ids.isEmpty()) {
            return monthlyReturn(r.schoolId(), r.month()).orElseThrow();
        }
        r.assignId(ids.getFirst());
        return r;
    }

    void saveReturn(MonthlyReturn r) {
        int updated = jdbc.sql("""
                UPDATE monthly_return SET status = :status, lines = CAST(:lines AS jsonb), note = :note,
                    prefilled_at = :prefilledAt, confirmed_by = :by, confirmed_at = :at, reopen_reason = :reason,
                    version = version + 1
                WHERE id = :id AND version = :version""")
                .param("status", r.status().name()).param("lines", json.writeValueAsString(r.lines()))
                .param("note", r.note()).param("prefilledAt", Timestamp.from(r.prefilledAt()))
                .param("by", r.confirmedBy()).param("at", r.confirmedAt() == null ? null : Timestamp.from(r.confirmedAt()))
                .param("reason", r.reopenReason()).param("id", r.id()).param("version", r.version()).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("monthly return " + r.id() + " changed meanwhile");
        }
        r.incrementVersion();
    }

    private MonthlyReturn mapReturn(ResultSet rs, int row) throws SQLException {
        Timestamp confirmed = rs.getTimestamp("confirmed_at");
        return new MonthlyReturn(rs.getLong("id"), rs.getInt("version"), rs.getLong("school_id"),
                rs.getLong("jurisdiction_id"), YearMonth.from(rs.getDate("month").toLocalDate()),
                ReturnStatus.valueOf(rs.getString("status")), json.readValue(rs.getString("lines"), LINES),
                rs.getString("note"), rs.getTimestamp("prefilled_at").toInstant(), rs.getString("confirmed_by"),
                confirmed == null ? null : confirmed.toInstant(), rs.getString("reopen_reason"));
    }

    private static @Nullable LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }
}
