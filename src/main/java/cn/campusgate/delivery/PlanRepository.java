package cn.campusgate.delivery;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.campusgate.item.DeliveryMode;
import cn.campusgate.item.GraduatingClasses;
import cn.campusgate.item.IntegrationChannel;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores implementation plans; school lists are PostgreSQL arrays so a school's plans are one indexed query. */
@Repository
class PlanRepository {

    private final JdbcClient jdbc;

    PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ImplementationPlan> find(long id) {
        return jdbc.sql("SELECT * FROM implementation_plan WHERE id = :id").param("id", id).query(this::map).optional();
    }

    Optional<ImplementationPlan> lock(long id) {
        return jdbc.sql("SELECT * FROM implementation_plan WHERE id = :id FOR UPDATE").param("id", id)
                .query(this::map).optional();
    }

    List<ImplementationPlan> ofDepartment(long departmentId) {
        return jdbc.sql("SELECT * FROM implementation_plan WHERE department_id = :d ORDER BY starts_on DESC, id DESC")
                .param("d", departmentId).query(this::map).list();
    }

    List<ImplementationPlan> ofJurisdictions(Collection<Long> jurisdictions) {
        if (jurisdictions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM implementation_plan WHERE jurisdiction_id IN (:js) ORDER BY starts_on DESC, id DESC")
                .param("js", jurisdictions).query(this::map).list();
    }

    List<ImplementationPlan> ofEntry(long entryId) {
        return jdbc.sql("SELECT * FROM implementation_plan WHERE whitelist_entry_id = :e ORDER BY id")
                .param("e", entryId).query(this::map).list();
    }

    /** Plans reaching a school that touch the period, in the given states. */
    List<ImplementationPlan> reaching(long schoolId, LocalDate from, LocalDate to, Collection<PlanStatus> states) {
        return jdbc.sql("""
                SELECT * FROM implementation_plan WHERE :school = ANY (school_ids) AND starts_on <= :to
                AND ends_on >= :from AND status IN (:states) ORDER BY starts_on, id""")
                .param("school", schoolId).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .param("states", states.stream().map(Enum::name).toList()).query(this::map).list();
    }

    long countInStatus(Collection<Long> jurisdictions, PlanStatus status) {
        if (jurisdictions.isEmpty()) {
            return 0;
        }
        return jdbc.sql("SELECT count(*) FROM implementation_plan WHERE jurisdiction_id IN (:js) AND status = :s")
                .param("js", jurisdictions).param("s", status.name()).query(Long.class).single();
    }

    long countOfDepartment(long departmentId, PlanStatus status) {
        return jdbc.sql("SELECT count(*) FROM implementation_plan WHERE department_id = :d AND status = :s")
                .param("d", departmentId).param("s", status.name()).query(Long.class).single();
    }

    void insert(ImplementationPlan p) {
        long id = jdbc.sql("""
                INSERT INTO implementation_plan (whitelist_entry_id, item_id, department_id, department_name,
                    jurisdiction_id, title, theme, status, starts_on, ends_on, school_ids, grades, graduating_classes,
                    graduating_reason, class_hours, teachers_involved, delivery_mode, integration_channel, arrangement,
                    resource_pack, asked_starts_on, asked_ends_on, asked_school_ids, asked_class_hours, narrowed,
                    submissions, submitted_by, submitted_at, updated_at)
                VALUES (:entry, :item, :department, :departmentName, :jurisdiction, :title, :theme, :status, :startsOn,
                    :endsOn, CAST(:schools AS bigint[]), :grades, :graduating, :graduatingReason, :classHours,
                    :teachers, :mode, :channel, :arrangement, :resourcePack, :askedStartsOn, :askedEndsOn,
                    CAST(:askedSchools AS bigint[]), :askedClassHours, :narrowed, :submissions, :submittedBy,
                    :submittedAt, :updatedAt)
                RETURNING id""").params(params(p)).query(Long.class).single();
        p.assignId(id);
    }

    void save(ImplementationPlan p) {
        Map<String, Object> params = params(p);
        params.put("id", p.id());
        params.put("version", p.version());
        params.put("opinion", p.reviewOpinion());
        params.put("reviewedBy", p.reviewedBy());
        params.put("reviewedAt", p.reviewedAt() == null ? null : Timestamp.from(p.reviewedAt()));
        params.put("mergedInto", p.mergedIntoId());
        int updated = jdbc.sql("""
                UPDATE implementation_plan SET status = :status, starts_on = :startsOn, ends_on = :endsOn,
                    school_ids = CAST(:schools AS bigint[]), grades = :grades, graduating_classes = :graduating,
                    graduating_reason = :graduatingReason, class_hours = :classHours, teachers_involved = :teachers,
                    delivery_mode = :mode, integration_channel = :channel, arrangement = :arrangement,
                    resource_pack = :resourcePack, asked_starts_on = :askedStartsOn, asked_ends_on = :askedEndsOn,
                    asked_school_ids = CAST(:askedSchools AS bigint[]), asked_class_hours = :askedClassHours,
                    narrowed = :narrowed, review_opinion = :opinion, reviewed_by = :reviewedBy,
                    reviewed_at = :reviewedAt, merged_into_id = :mergedInto, submissions = :submissions,
                    submitted_by = :submittedBy, submitted_at = :submittedAt, updated_at = :updatedAt,
                    version = version + 1
                WHERE id = :id AND version = :version""").params(params).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("plan " + p.id() + " changed meanwhile");
        }
        p.incrementVersion();
    }

    private static Map<String, Object> params(ImplementationPlan p) {
        Map<String, Object> m = new HashMap<>();
        m.put("entry", p.whitelistEntryId());
        m.put("item", p.itemId());
        m.put("department", p.departmentId());
        m.put("departmentName", p.departmentName());
        m.put("jurisdiction", p.jurisdictionId());
        m.put("title", p.title());
        m.put("theme", p.theme());
        m.put("status", p.status().name());
        m.put("startsOn", Date.valueOf(p.startsOn()));
        m.put("endsOn", Date.valueOf(p.endsOn()));
        m.put("schools", array(p.schoolIds()));
        m.put("grades", p.grades());
        m.put("graduating", p.graduatingClasses().name());
        m.put("graduatingReason", p.graduatingReason());
        m.put("classHours", p.classHours());
        m.put("teachers", p.teachersInvolved());
        m.put("mode", p.deliveryMode().name());
        m.put("channel", p.integrationChannel() == null ? null : p.integrationChannel().name());
        m.put("arrangement", p.arrangement());
        m.put("resourcePack", p.resourcePack());
        m.put("askedStartsOn", Date.valueOf(p.askedStartsOn()));
        m.put("askedEndsOn", Date.valueOf(p.askedEndsOn()));
        m.put("askedSchools", array(p.askedSchoolIds()));
        m.put("askedClassHours", p.askedClassHours());
        m.put("narrowed", p.narrowed());
        m.put("submissions", p.submissions());
        m.put("submittedBy", p.submittedBy());
        m.put("submittedAt", Timestamp.from(p.submittedAt()));
        m.put("updatedAt", Timestamp.from(p.updatedAt()));
        return m;
    }

    private static String array(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    private static List<Long> ids(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Long[]) array.getArray()).toList();
    }

    private ImplementationPlan map(ResultSet rs, int row) throws SQLException {
        String channel = rs.getString("integration_channel");
        Timestamp reviewedAt = rs.getTimestamp("reviewed_at");
        long merged = rs.getLong("merged_into_id");
        Long mergedInto = rs.wasNull() ? null : merged;
        return new ImplementationPlan(rs.getLong("id"), rs.getInt("version"), rs.getLong("whitelist_entry_id"),
                rs.getLong("item_id"), rs.getLong("department_id"), rs.getString("department_name"),
                rs.getLong("jurisdiction_id"), rs.getString("title"), rs.getString("theme"),
                PlanStatus.valueOf(rs.getString("status")), rs.getDate("starts_on").toLocalDate(),
                rs.getDate("ends_on").toLocalDate(), ids(rs.getArray("school_ids")), rs.getString("grades"),
                GraduatingClasses.valueOf(rs.getString("graduating_classes")), rs.getString("graduating_reason"),
                rs.getInt("class_hours"), rs.getInt("teachers_involved"),
                DeliveryMode.valueOf(rs.getString("delivery_mode")),
                channel == null ? null : IntegrationChannel.valueOf(channel), rs.getString("arrangement"),
                rs.getString("resource_pack"), rs.getDate("asked_starts_on").toLocalDate(),
                rs.getDate("asked_ends_on").toLocalDate(), ids(rs.getArray("asked_school_ids")),
                rs.getInt("asked_class_hours"), rs.getBoolean("narrowed"), rs.getString("review_opinion"),
                rs.getString("reviewed_by"), reviewedAt == null ? null : reviewedAt.toInstant(), mergedInto,
                rs.getInt("submissions"), rs.getString("submitted_by"), rs.getTimestamp("submitted_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
