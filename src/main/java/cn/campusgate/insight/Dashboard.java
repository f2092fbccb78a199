package cn.campusgate.insight;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Everything one dashboard shows, as figures the page draws and the exports write.
 *
 * @param itemCap           the year's item cap of the district (R-4 总量控制), or null below district level
 * @param semesterCap       activities per school per semester allowed
 */
public record Dashboard(Scope scope, int year, LocalDate from, LocalDate to, Map<FactKind, Total> totals,
                        @Nullable Integer itemCap, int semesterCap, long itemsCounted, Load load, List<Month> months,
                        List<Ranked> departments, List<Ranked> towns, List<Cluster> clusters) {

    public Dashboard {
        totals = Map.copyOf(totals);
        months = List.copyOf(months);
        departments = List.copyOf(departments);
        towns = List.copyOf(towns);
        clusters = List.copyOf(clusters);
    }

    public record Total(long facts, double hours, double averageDays) {
        static final Total NONE = new Total(0, 0, 0);
    }

    public Total total(FactKind kind) {
        return totals.getOrDefault(kind, Total.NONE);
    }

    /** Activities that entered schools: sentinel records and surveyed affairs. */
    public long activities() {
        return total(FactKind.SENTINEL_RECORD).facts() + total(FactKind.SURVEY_AFFAIR).facts();
    }

    /** Class hours taken, for whole schools (never per teacher). */
    public double classHours() {
        return total(FactKind.SENTINEL_RECORD).hours() + total(FactKind.SURVEY_AFFAIR).hours();
    }

    public long alerts() { return total(FactKind.ALERT).facts(); }
    public long complaints() { return total(FactKind.COMPLAINT).facts(); }
    public long violations() { return total(FactKind.VIOLATION).facts(); }
    /** Average days from a complaint to its case's closing. */
    public double handlingDays() { return total(FactKind.CASE_CLOSED).averageDays(); }

    /** Activities that entered schools, per school and semester: never which school, only how the load spreads. */
    public record Load(long schoolSemesters, long maximum, double average, long overCap, Map<String, Long> spread) {
    }

    public record Month(LocalDate month, Map<FactKind, Long> counts) {
        public long count(FactKind kind) {
            return counts.getOrDefault(kind, 0L);
        }
    }

    /** A department or town with its counts; ordered by verified violations, then campaign problems. */
    public record Ranked(long id, String name, Map<FactKind, Long> counts) {
        public long count(FactKind kind) {
            return counts.getOrDefault(kind, 0L);
        }
    }

    /** Similar themes brought by more than one department (R-2 无序: 同一或相近主题多部门进校园). */
    public record Cluster(String theme, List<String> themes, List<String> departments) {
    }

    /** The kinds shown per department and town. */
    public static final List<FactKind> RANKED_KINDS = List.of(FactKind.VIOLATION, FactKind.CAMPAIGN_PROBLEM,
            FactKind.ALERT, FactKind.SANCTION);

    /** The kinds drawn in the monthly trend. */
    public static final List<FactKind> TREND_KINDS = List.of(FactKind.SENTINEL_RECORD, FactKind.SURVEY_AFFAIR,
            FactKind.ALERT, FactKind.COMPLAINT, FactKind.ITEM_SUBMITTED);
}
