package cn.campusgate.insight;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A generator of realistic synthetic data at national scale, written straight into insight's read model (never into
 * another module's tables): provinces, districts, towns, departments and schools as units with ids above
 * {@link #BASE}, and a year of facts: sentinel records spread over schools, term months and departments, with the
 * alerts, complaints, closed cases, verified violations, sanctions and approved items that go with them. Everything is
 * computed inside PostgreSQL from {@code generate_series}, deterministic for a given size, and rolled up per district
 * and month as the live listener would. For the benchmark; nothing calls it in the application.
 */
@Service
public class NationalData {

    /** Synthetic ids start here, far above any organisation's. */
    public static final long BASE = 1_000_000_000_000L;
    static final long PROVINCES = BASE;
    static final long DISTRICTS = BASE + 1_000_000L;
    static final long TOWNS = BASE + 2_000_000L;
    static final long DEPARTMENTS = BASE + 10_000_000L;
    static final long SCHOOLS = BASE + 20_000_000L;

    /**
     * How big the country is.
     *
     * @param schools          compulsory-education plus senior secondary schools (about 190,000 + 16,000)
     * @param recordsPerYear   sentinel records in the year (about ten million)
     */
    public record Size(int provinces, int districts, int townsPerDistrict, int departmentsPerDistrict, int schools,
                       long recordsPerYear) {
        public static Size national() {
            return new Size(31, 2_850, 12, 36, 206_000, 10_000_000L);
        }

        public static Size scaled(double factor) {
            Size n = national();
            return new Size(n.provinces(), Math.max(31, (int) (n.districts() * factor)), n.townsPerDistrict(),
                    n.departmentsPerDistrict(), Math.max(100, (int) (n.schools() * factor)),
                    Math.max(1_000, (long) (n.recordsPerYear() * factor)));
        }
    }

    private static final String THEMES = "ARRAY['消防安全教育','防溺水安全教育','交通安全教育','禁毒预防教育','防范电信诈骗宣传',"
            + "'近视防控知识宣传','心理健康讲座','法治进校园','国家安全教育','防震减灾演练','食品安全宣传','垃圾分类宣传',"
            + "'文明城市创建','网络安全宣传','爱国卫生运动','森林防火宣传','科普进校园','非遗文化进校园','健康知识答题打卡','安全平台学习打卡']";

    private final JdbcClient jdbc;

    NationalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The district id of the synthetic district number {@code n} (0-based). */
    public static long district(int n) {
        return DISTRICTS + n;
    }

    /** Writes the units and one year of facts; returns the facts written. */
    public long generate(Size size, int year) {
        units(size);
        LocalDate start = LocalDate.of(year, 1, 1);
        long facts = 0;
        facts += sentinelRecords(size, year, start);
        facts += derived(size, year, start, "ALERT", 30, null);
        facts += derived(size, year, start, "COMPLAINT", 160, null);
        facts += derived(size, year, start, "CASE_CLOSED", 200, "3 + (g % 25)");
        facts += derived(size, year, start, "VIOLATION", 500, null);
        facts += derived(size, year, start, "SANCTION", 900, null);
        facts += jdbc.sql("""
                INSERT INTO insight_fact (kind, occurred_on, province_id, district_id, department_id, theme, category,
                    source_key, synthetic)
                SELECT 'ITEM_APPROVED', :start + (g % 60)::int, :p + 1 + (d % :provinces), :d + d, :dep + d * :deps + (g % :deps),
                    ({THEMES})[1 + g % 20], 'ANNUAL', 'gen:item:' || :y || ':' || d || ':' || g, TRUE
                FROM generate_series(0, :districts - 1) d, generate_series(1, 8) g
                ON CONFLICT (source_key) DO NOTHING""".replace("{THEMES}", THEMES))
                .param("start", start).param("p", PROVINCES).param("provinces", size.provinces()).param("d", DISTRICTS)
                .param("dep", DEPARTMENTS).param("deps", size.departmentsPerDistrict()).param("y", year)
                .param("districts", size.districts()).update();
        rollUp(year);
        return facts;
    }

    private void units(Size size) {
        jdbc.sql("""
                INSERT INTO insight_unit (id, kind, name, province_id, synthetic)
                SELECT :p + n, 'PROVINCE', '省份' || n, :p + n, TRUE FROM generate_series(1, :provinces) n
                ON CONFLICT (id) DO NOTHING""").param("p", PROVINCES).param("provinces", size.provinces()).update();
        jdbc.sql("""
                INSERT INTO insight_unit (id, kind, name, district_id, province_id, synthetic)
                SELECT :d + n, 'DISTRICT', '区县' || n, :d + n, :p + 1 + (n % :provinces), TRUE
                FROM generate_series(0, :districts - 1) n ON CONFLICT (id) DO NOTHING""")
                .param("d", DISTRICTS).param("p", PROVINCES).param("provinces", size.provinces())
                .param("districts", size.districts()).update();
        jdbc.sql("""
                INSERT INTO insight_unit (id, kind, name, town_id, district_id, province_id, synthetic)
                SELECT :t + n * :towns + k, 'TOWN', '区县' || n || '镇街' || k, :t + n * :towns + k, :d + n,
                    :p + 1 + (n % :provinces), TRUE
                FROM generate_series(0, :districts - 1) n, generate_series(0, :towns - 1) k ON CONFLICT (id) DO NOTHING""")
                .param("t", TOWNS).param("towns", size.townsPerDistrict()).param("d", DISTRICTS).param("p", PROVINCES)
                .param("provinces", size.provinces()).param("districts", size.districts()).update();
        jdbc.sql("""
                INSERT INTO insight_unit (id, kind, name, district_id, province_id, synthetic)
                SELECT :dep + n * :deps + k, 'DEPARTMENT', '区县' || n || '部门' || k, :d + n, :p + 1 + (n % :provinces), TRUE
                FROM generate_series(0, :districts - 1) n, generate_series(0, :deps - 1) k ON CONFLICT (id) DO NOTHING""")
                .param("dep", DEPARTMENTS).param("deps", size.departmentsPerDistrict()).param("d", DISTRICTS)
                .param("p", PROVINCES).param("provinces", size.provinces()).param("districts", size.districts()).update();
        jdbc.sql("""
                INSERT INTO insight_unit (id, kind, name, town_id, district_id, province_id, synthetic)
                SELECT :s + n, 'SCHOOL', '学校' || n, :t + (n % :districts) * :towns + ((n / :districts) % :towns),
                    :d + (n % :districts), :p + 1 + ((n % :districts) % :provinces), TRUE
                FROM generate_series(0, :schools - 1) n ON CONFLICT (id) DO NOTHING""")
                .param("s", SCHOOLS).param("t", TOWNS).param("towns", size.townsPerDistrict()).param("d", DISTRICTS)
                .param("p", PROVINCES).param("provinces", size.provinces()).param("districts", size.districts())
                .param("schools", size.schools()).update();
    }

    /** Records on school days of the two terms (March–June, September–December and early January), by department. */
    private long sentinelRecords(Size size, int year, LocalDate start) {
        return jdbc.sql("""
                INSERT INTO insight_fact (kind, occurred_on, province_id, district_id, town_id, school_id, department_id,
                    theme, category, hours, source_key, synthetic)
                SELECT 'SENTINEL_RECORD', :start + (ARRAY[60,75,90,105,120,135,150,165,250,265,280,295,310,325,340,5])[1 + (g % 16)]
                        + ((g / 16) % 14)::int,
                    :p + 1 + (d % :provinces), :d + d, :t + d * :towns + ((s / :districts) % :towns), :s + s,
                    :dep + d * :deps + ((g / 7) % :deps), ({THEMES})[1 + (g % 20)],
                    (ARRAY['ENTRY','ENTRY','ENTRY','INSPECTION','OFF_CAMPUS_REQUEST'])[1 + (g % 5)], (g % 3)::numeric,
                    'gen:sr:' || :y || ':' || g, TRUE
                FROM (SELECT g, (g * 104729) % :schools AS s, ((g * 104729) % :schools) % :districts AS d
                      FROM generate_series(1, :records) g) x
                ON CONFLICT (source_key) DO NOTHING""".replace("{THEMES}", THEMES))
                .param("start", start).param("p", PROVINCES).param("provinces", size.provinces()).param("d", DISTRICTS)
                .param("t", TOWNS).param("towns", size.townsPerDistrict()).param("s", SCHOOLS)
                .param("dep", DEPARTMENTS).param("deps", size.departmentsPerDistrict()).param("y", year)
                .param("districts", size.districts()).param("schools", size.schools())
                .param("records", size.recordsPerYear()).update();
    }

    /** One fact of {@code kind} for every {@code every}-th sentinel record, in its district, school and department. */
    private long derived(Size size, int year, LocalDate start, String kind, int every, String days) {
        return jdbc.sql("""
                INSERT INTO insight_fact (kind, occurred_on, province_id, district_id, town_id, school_id, department_id,
                    category, days, source_key, synthetic)
                SELECT :kind, :start + (g % 365)::int, :p + 1 + (d % :provinces), :d + d, :t + d * :towns + ((s / :districts) % :towns),
                    CASE WHEN :kind IN ('ALERT') THEN :s + s END, :dep + d * :deps + ((g / 7) % :deps), 'GENERATED', {DAYS},
                    'gen:' || :kind || ':' || :y || ':' || g, TRUE
                FROM (SELECT g, (g * 104729) % :schools AS s, ((g * 104729) % :schools) % :districts AS d
                      FROM generate_series(1, :records / :every) g) x
                ON CONFLICT (source_key) DO NOTHING""".replace("{DAYS}", days == null ? "NULL::int" : days))
                .param("kind", kind).param("start", start).param("p", PROVINCES).param("provinces", size.provinces())
                .param("d", DISTRICTS).param("t", TOWNS).param("towns", size.townsPerDistrict()).param("s", SCHOOLS)
                .param("dep", DEPARTMENTS).param("deps", size.departmentsPerDistrict()).param("y", year)
                .param("districts", size.districts()).param("schools", size.schools())
                .param("records", size.recordsPerYear()).param("every", every).update();
    }

    /** The district-month roll-up of the generated year, as the listener keeps it fact by fact. */
    private void rollUp(int year) {
        jdbc.sql("""
                INSERT INTO insight_district_month (month, kind, province_id, district_id, department_id, facts, hours, days)
                SELECT date_trunc('month', occurred_on)::date, kind, coalesce(province_id, 0), coalesce(district_id, 0),
                    coalesce(department_id, 0), count(*), coalesce(sum(hours), 0), coalesce(sum(days), 0)
                FROM insight_fact WHERE synthetic AND occurred_on BETWEEN :from AND :to GROUP BY 1, 2, 3, 4, 5
                ON CONFLICT (district_id, month, kind, department_id) DO UPDATE SET facts = EXCLUDED.facts,
                    hours = EXCLUDED.hours, days = EXCLUDED.days""")
                .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31)).update();
    }
}
