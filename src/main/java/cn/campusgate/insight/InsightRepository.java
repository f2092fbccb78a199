package cn.campusgate.insight;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The read model's tables: units, facts and the district-month roll-up. Reads no other module's table. */
@Repository
class InsightRepository {

    /** Where a unit rolls up to. */
    record Place(long id, String kind, String name, @Nullable Long townId, @Nullable Long districtId,
                 @Nullable Long provinceId) {
    }

    private final JdbcClient jdbc;

    InsightRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Place> place(long id) {
        return jdbc.sql("SELECT * FROM insight_unit WHERE id = :id").param("id", id)
                .query((rs, n) -> new Place(rs.getLong("id"), rs.getString("kind"), rs.getString("name"),
                        (Long) rs.getObject("town_id"), (Long) rs.getObject("district_id"), (Long) rs.getObject("province_id")))
                .optional();
    }

    void savePlace(Place p) {
        jdbc.sql("""
                INSERT INTO insight_unit (id, kind, name, town_id, district_id, province_id) VALUES (:id, :k, :n, :t, :d, :p)
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, town_id = EXCLUDED.town_id,
                    district_id = EXCLUDED.district_id, province_id = EXCLUDED.province_id""")
                .param("id", p.id()).param("k", p.kind()).param("n", p.name()).param("t", p.townId())
                .param("d", p.districtId()).param("p", p.provinceId()).update();
    }

    List<Place> places(String kind, long districtId) {
        return jdbc.sql("SELECT * FROM insight_unit WHERE kind = :k AND district_id = :d ORDER BY name")
                .param("k", kind).param("d", districtId)
                .query((rs, n) -> new Place(rs.getLong("id"), rs.getString("kind"), rs.getString("name"),
                        (Long) rs.getObject("town_id"), (Long) rs.getObject("district_id"), (Long) rs.getObject("province_id")))
                .list();
    }

    Map<Long, String> names(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new java.util.HashMap<>();
        jdbc.sql("SELECT id, name FROM insight_unit WHERE id IN (:ids)").param("ids", ids)
                .query(rs -> { names.put(rs.getLong(1), rs.getString(2)); });
        return names;
    }

    /** Records the fact and rolls it up, unless its source was recorded before. */
    boolean insert(Fact f, @Nullable Long schoolId, @Nullable Long departmentId, @Nullable Long townId,
                   @Nullable Long districtId, @Nullable Long provinceId) {
        int inserted = jdbc.sql("""
                INSERT INTO insight_fact (kind, occurred_on, province_id, district_id, town_id, school_id, department_id,
                    theme, category, hours, days, source_key)
                VALUES (:k, :on, :p, :d, :t, :s, :dep, :theme, :cat, :h, :days, :key) ON CONFLICT (source_key) DO NOTHING""")
                .param("k", f.kind().name()).param("on", Date.valueOf(f.occurredOn())).param("p", provinceId)
                .param("d", districtId).param("t", townId).param("s", schoolId).param("dep", departmentId)
                .param("theme", f.theme()).param("cat", f.category()).param("h", f.hours()).param("days", f.days())
                .param("key", f.sourceKey()).update();
        if (inserted == 0) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO insight_district_month (month, kind, province_id, district_id, department_id, facts, hours, days)
                VALUES (:m, :k, :p, :d, :dep, 1, :h, :days)
                ON CONFLICT (district_id, month, kind, department_id) DO UPDATE SET facts = insight_district_month.facts + 1,
                    hours = insight_district_month.hours + EXCLUDED.hours, days = insight_district_month.days + EXCLUDED.days""")
                .param("m", Date.valueOf(f.occurredOn().withDayOfMonth(1))).param("k", f.kind().name())
                .param("p", provinceId == null ? 0L : provinceId).param("d", districtId == null ? 0L : districtId)
                .param("dep", departmentId == null ? 0L : departmentId)
                .param("h", f.hours() == null ? java.math.BigDecimal.ZERO : f.hours())
                .param("days", f.days() == null ? 0 : f.days()).update();
        return true;
    }

    // --- supervision cases as followed from their events ---

    void caseOpened(long caseId, long jurisdictionId, LocalDate on) {
        jdbc.sql("INSERT INTO insight_case (case_id, jurisdiction_id, opened_on) VALUES (:c, :j, :on) ON CONFLICT (case_id) DO NOTHING")
                .param("c", caseId).param("j", jurisdictionId).param("on", Date.valueOf(on)).update();
    }

    record CaseFacts(long caseId, @Nullable Long jurisdictionId, LocalDate openedOn, @Nullable String outcome) {
    }

    Optional<CaseFacts> caseFacts(long caseId) {
        return jdbc.sql("SELECT * FROM insight_case WHERE case_id = :c").param("c", caseId)
                .query((rs, n) -> new CaseFacts(rs.getLong("case_id"), (Long) rs.getObject("jurisdiction_id"),
                        rs.getDate("opened_on").toLocalDate(), rs.getString("outcome"))).optional();
    }

    void caseVerified(long caseId, String outcome) {
        jdbc.sql("UPDATE insight_case SET outcome = :o WHERE case_id = :c").param("o", outcome).param("c", caseId).update();
    }

    /** A verified violation is counted against the department or town a sanction was issued to, once known. */
    void attributeViolation(String sourceKey, @Nullable Long departmentId, @Nullable Long townId) {
        jdbc.sql("UPDATE insight_fact SET department_id = coalesce(department_id, :d), town_id = coalesce(town_id, :t)"
                        + " WHERE source_key = :k")
                .param("d", departmentId).param("t", townId).param("k", sourceKey).update();
    }

    // --- dashboard queries; {@code column} is one of the fixed scope columns, never user text ---

    record KindTotal(FactKind kind, long facts, double hours, double averageDays) {
    }

    List<KindTotal> totals(String column, long scopeId, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT kind, count(*), coalesce(sum(hours), 0), coalesce(avg(days), 0) FROM insight_fact WHERE "
                        + column + " = :id AND occurred_on BETWEEN :from AND :to GROUP BY kind")
                .param("id", scopeId).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> new KindTotal(FactKind.valueOf(rs.getString(1)), rs.getLong(2), rs.getDouble(3), rs.getDouble(4)))
                .list();
    }

    record MonthCount(LocalDate month, FactKind kind, long facts) {
    }

    List<MonthCount> monthly(String column, long scopeId, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT date_trunc('month', occurred_on)::date, kind, count(*) FROM insight_fact WHERE "
                        + column + " = :id AND occurred_on BETWEEN :from AND :to GROUP BY 1, 2 ORDER BY 1")
                .param("id", scopeId).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> new MonthCount(rs.getDate(1).toLocalDate(), FactKind.valueOf(rs.getString(2)), rs.getLong(3)))
                .list();
    }

    record GroupCount(long groupId, FactKind kind, long facts) {
    }

    /** Facts of the given kinds per department or per town ({@code groupColumn}), for the rankings. */
    List<GroupCount> byGroup(String column, long scopeId, String groupColumn, List<FactKind> kinds, LocalDate from, LocalDate to) {
        // Only a department in the departments' table: a fact recorded before a town named as the body concerned
        // was told from a department must not list the town as a department.
        String onlyDepartments = "department_id".equals(groupColumn)
                ? " AND department_id NOT IN (SELECT id FROM insight_unit WHERE kind <> 'DEPARTMENT')" : "";
        return jdbc.sql("SELECT " + groupColumn + ", kind, count(*) FROM insight_fact WHERE " + column + " = :id AND "
                        + groupColumn + " IS NOT NULL" + onlyDepartments
                        + " AND kind IN (:kinds) AND occurred_on BETWEEN :from AND :to GROUP BY 1, 2")
                .param("id", scopeId).param("kinds", kinds.stream().map(Enum::name).toList())
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> new GroupCount(rs.getLong(1), FactKind.valueOf(rs.getString(2)), rs.getLong(3))).list();
    }

    /** The years that have facts in the scope, latest first. */
    List<Integer> yearsWithFacts(String column, long scopeId) {
        return jdbc.sql("SELECT DISTINCT extract(year FROM occurred_on)::int FROM insight_fact WHERE " + column
                        + " = :id ORDER BY 1 DESC")
                .param("id", scopeId).query(Integer.class).list();
    }

    /** Activities per school and semester (1: Feb–Jul, 2: Sep–Jan), without naming schools to the caller. */
    List<Long> activitiesPerSchoolSemester(String column, long scopeId, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT count(*) FROM insight_fact WHERE " + column + " = :id AND school_id IS NOT NULL"
                        + " AND kind IN ('SENTINEL_RECORD', 'SURVEY_AFFAIR') AND occurred_on BETWEEN :from AND :to"
                        + " GROUP BY school_id, CASE WHEN extract(month FROM occurred_on) BETWEEN 2 AND 7 THEN 1 ELSE 2 END")
                .param("id", scopeId).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query(Long.class).list();
    }

    record Theme(String theme, long departmentId) {
    }

    List<Theme> themes(String column, long scopeId, LocalDate from, LocalDate to, int limit) {
        return jdbc.sql("SELECT theme, department_id, count(*) FROM insight_fact WHERE " + column + " = :id AND theme IS NOT NULL"
                        + " AND department_id IS NOT NULL AND kind IN ('ITEM_SUBMITTED', 'SENTINEL_RECORD', 'SURVEY_AFFAIR')"
                        + " AND occurred_on BETWEEN :from AND :to GROUP BY 1, 2 ORDER BY 3 DESC LIMIT :limit")
                .param("id", scopeId).param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).param("limit", limit)
                .query((rs, n) -> new Theme(rs.getString(1), rs.getLong(2))).list();
    }

    record ProvinceTotal(long provinceId, FactKind kind, long facts, double hours, long days) {
    }

    /** The national roll-up: every province's totals per kind for the period, from the district-month table. */
    List<ProvinceTotal> national(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT province_id, kind, sum(facts), sum(hours), sum(days) FROM insight_district_month
                WHERE month BETWEEN :from AND :to GROUP BY 1, 2 ORDER BY 1, 2""")
                .param("from", Date.valueOf(from.withDayOfMonth(1))).param("to", Date.valueOf(to))
                .query((rs, n) -> new ProvinceTotal(rs.getLong(1), FactKind.valueOf(rs.getString(2)), rs.getLong(3),
                        rs.getDouble(4), rs.getLong(5))).list();
    }
}
