package cn.campusgate.delivery;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.campusgate.approval.Semester;
import org.jspecify.annotations.Nullable;

/**
 * The per-school schedule policy, tested alone: a school's semester against its cap (社会事务进校园 per school
 * and semester), activities that cluster (more than {@code clusterMax} within {@code clusterWindowDays} days) and
 * activities that land on exam weeks. Warnings, not refusals: the commission decides.
 *
 * @param clusterWindowDays the window in days (both ends counted)
 * @param clusterMax        more activities than this in one window is a cluster
 * @param examWeeks         exam weeks as month-day ranges, applied to each year the semester spans
 */
public record ScheduleRules(int clusterWindowDays, int clusterMax, List<ExamWeek> examWeeks) {

    public ScheduleRules {
        if (clusterWindowDays < 1 || clusterMax < 1) {
            throw new IllegalArgumentException("the cluster window and count are at least 1");
        }
        examWeeks = List.copyOf(examWeeks);
    }

    /** 考试周 from one month-day to another within a year, e.g. 期末考试 06-29 to 07-10. */
    public record ExamWeek(MonthDay from, MonthDay to) {

        /** Parses {@code MM-dd/MM-dd}. */
        public static ExamWeek parse(String text) {
            String[] parts = text.strip().split("/");
            if (parts.length != 2) {
                throw new IllegalArgumentException("an exam week is written MM-dd/MM-dd: " + text);
            }
            return new ExamWeek(MonthDay.parse("--" + parts[0].strip()), MonthDay.parse("--" + parts[1].strip()));
        }

        LocalDate start(int year) {
            return from.atYear(year);
        }

        LocalDate end(int year) {
            return to.atYear(year);
        }
    }

    /** One activity on the school's schedule: an approved plan, or one still under review ({@code pending}). */
    public record Activity(long planId, String title, String departmentName, LocalDate startsOn, LocalDate endsOn,
                           boolean pending) {
        boolean touches(LocalDate from, LocalDate to) {
            return !startsOn.isAfter(to) && !endsOn.isBefore(from);
        }
    }

    public enum WarningKind {
        /** Approved activities already exceed the semester cap. */
        OVER_CAP,
        /** Approving the plans under review would exceed the semester cap. */
        PENDING_OVER_CAP,
        /** Too many activities within the window. */
        CLUSTER,
        /** An activity lands on an exam week. */
        EXAM_WEEK
    }

    /**
     * @param planIds the plans concerned
     * @param from    start of the window or exam week concerned, if any
     * @param to      its end
     */
    public record Warning(WarningKind kind, List<Long> planIds, int count, int limit, @Nullable LocalDate from,
                         @Nullable LocalDate to) {
        public Warning {
            planIds = List.copyOf(planIds);
        }
    }

    /** The semester as the school sees it: what is planned, what counts against the cap, and the warnings. */
    public record Assessment(Semester semester, List<Activity> activities, long approved, long pending, int cap,
                             List<Warning> warnings) {
        public Assessment {
            activities = List.copyOf(activities);
            warnings = List.copyOf(warnings);
        }

        /** How full the semester is, 0–100, for the page's bar. */
        public int percentOfCap() {
            return cap <= 0 ? 100 : (int) Math.min(100, approved * 100 / cap);
        }

        public boolean warned(long planId) {
            return warnings.stream().anyMatch(w -> w.planIds().contains(planId));
        }
    }

    public Assessment assess(Semester semester, List<Activity> all, int cap) {
        List<Activity> activities = all.stream().filter(a -> a.touches(semester.start(), semester.end()))
                .sorted(Comparator.comparing(Activity::startsOn).thenComparingLong(Activity::planId)).toList();
        List<Warning> warnings = new ArrayList<>();
        long approved = activities.stream().filter(a -> !a.pending()).count();
        long pending = activities.size() - approved;
        if (approved > cap) {
            warnings.add(new Warning(WarningKind.OVER_CAP, ids(activities.stream().filter(a -> !a.pending()).toList()),
                    (int) approved, cap, null, null));
        } else if (approved + pending > cap) {
            warnings.add(new Warning(WarningKind.PENDING_OVER_CAP, ids(activities.stream().filter(Activity::pending)
                    .toList()), (int) (approved + pending), cap, null, null));
        }
        warnings.addAll(clusters(activities));
        warnings.addAll(examWeeks(semester, activities));
        return new Assessment(semester, activities, approved, pending, cap, warnings);
    }

    /** Every window starting on an activity's first day that holds more than the allowed number; no repeats. */
    List<Warning> clusters(List<Activity> activities) {
        List<Warning> found = new ArrayList<>();
        Set<List<Long>> seen = new LinkedHashSet<>();
        for (Activity first : activities) {
            LocalDate from = first.startsOn();
            LocalDate to = from.plusDays(clusterWindowDays - 1L);
            List<Activity> inWindow = activities.stream().filter(a -> a.touches(from, to)).toList();
            List<Long> ids = ids(inWindow);
            if (inWindow.size() > clusterMax && seen.stream().noneMatch(s -> s.containsAll(ids))) {
                seen.add(ids);
                found.add(new Warning(WarningKind.CLUSTER, ids, inWindow.size(), clusterMax, from, to));
            }
        }
        return found;
    }

    List<Warning> examWeeks(Semester semester, List<Activity> activities) {
        List<Warning> found = new ArrayList<>();
        for (int year = semester.start().getYear(); year <= semester.end().getYear(); year++) {
            for (ExamWeek week : examWeeks) {
                LocalDate from = week.start(year);
                LocalDate to = week.end(year);
                if (to.isBefore(semester.start()) || from.isAfter(semester.end())) {
                    continue;
                }
                List<Activity> hit = activities.stream().filter(a -> a.touches(from, to)).toList();
                if (!hit.isEmpty()) {
                    found.add(new Warning(WarningKind.EXAM_WEEK, ids(hit), hit.size(), 0, from, to));
                }
            }
        }
        return found;
    }

    private static List<Long> ids(List<Activity> activities) {
        return activities.stream().map(Activity::planId).toList();
    }
}
