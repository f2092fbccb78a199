package cn.campusgate.monitoring;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

import cn.campusgate.approval.Semester;
import cn.campusgate.screening.Finding;
import cn.campusgate.screening.Severity;

/**
 * When a sentinel record raises alerts: a named policy, tested alone. Facts are the alert message's arguments
 * (dates as ISO text, rendered as officials write them on the page).
 *
 * @param inspectionWindowDays an inspection fewer days than this after the work was assigned is too soon
 * @param maxComprehensive     comprehensive inspections allowed per school and calendar year (MOE 2025: 1)
 * @param maxSecondmentMonths  longest allowed secondment (MOE 2025: 6 months)
 * @param repeatWindowDays     the same or a similar theme entering again within so many days is a repeat
 */
public record AlertRules(int inspectionWindowDays, int maxComprehensive, int maxSecondmentMonths,
                         int repeatWindowDays) {

    /**
     * Screening rules of the 无效 family that are formalism demands (打卡、接龙、点赞、做题、拍照、简报、APP、工作群、填表),
     * with the demand a school ticks for the same thing (so one demand is not reported twice).
     */
    static final java.util.Map<String, Demand> FORMALISM_RULES = java.util.Map.of("R2-INE-CHECK-IN", Demand.CHECK_IN,
            "R2-INE-CHAIN", Demand.CHAIN_SIGN_UP, "R2-INE-LIKES", Demand.LIKES, "R2-INE-QUIZ", Demand.QUIZ,
            "R2-INE-PHOTOS", Demand.PHOTOS, "R2-INE-BRIEFINGS", Demand.BRIEFING, "R2-INE-APPS", Demand.APP_DOWNLOAD,
            "R2-INE-PAPERWORK", Demand.DATA_FILLING);
    /** A trace rule without a demand of its own: work groups used for box-ticking. */
    static final String WORK_GROUPS = "R2-INE-WORK-GROUPS";

    public record Raised(AlertKind kind, List<String> facts) {
        public Raised {
            facts = List.copyOf(facts);
        }
    }

    /**
     * @param record       the new record (already screened and checked against the whitelist)
     * @param earlier      the school's other records (any kind), at least those of the last year
     * @param semesterCap  the school's cap of activities per semester
     * @param similar      whether two themes are the same or similar
     */
    public List<Raised> assess(SentinelRecord record, List<SentinelRecord> earlier, int semesterCap,
                               BiPredicate<String, String> similar) {
        List<Raised> raised = new ArrayList<>();
        List<SentinelRecord> others = earlier.stream().filter(r -> r.id() != record.id()).toList();
        switch (record.kind()) {
            case ENTRY -> {
                notCovered(record, raised);
                Semester semester = Semester.of(record.occurredOn());
                long inSemester = others.stream().filter(r -> r.kind() == RecordKind.ENTRY
                        && semester.overlaps(r.occurredOn(), r.occurredOn())).count() + 1;
                if (inSemester > semesterCap) {
                    raised.add(new Raised(AlertKind.OVER_SEMESTER_CAP, List.of(String.valueOf(inSemester),
                            String.valueOf(semesterCap))));
                }
                LocalDate since = record.occurredOn().minusDays(repeatWindowDays);
                List<SentinelRecord> repeats = others.stream().filter(r -> r.kind() == RecordKind.ENTRY)
                        .filter(r -> !r.occurredOn().isBefore(since) && !r.occurredOn().isAfter(record.occurredOn()))
                        .filter(r -> similar.test(r.title(), record.title()))
                        .sorted(Comparator.comparing(SentinelRecord::occurredOn)).toList();
                if (!repeats.isEmpty()) {
                    SentinelRecord last = repeats.getLast();
                    raised.add(new Raised(AlertKind.REPEATED_THEME, List.of(String.valueOf(repeats.size() + 1),
                            String.valueOf(repeatWindowDays), last.title(), last.departmentName(),
                            last.occurredOn().toString())));
                }
            }
            case INSPECTION -> {
                notCovered(record, raised);
                if (record.assignedOn() != null) {
                    long days = ChronoUnit.DAYS.between(record.assignedOn(), record.occurredOn());
                    if (days >= 0 && days < inspectionWindowDays) {
                        raised.add(new Raised(AlertKind.INSPECTION_TOO_SOON, List.of(record.assignedOn().toString(),
                                record.occurredOn().toString(), String.valueOf(days), String.valueOf(inspectionWindowDays))));
                    }
                }
                if (record.comprehensive()) {
                    int year = record.occurredOn().getYear();
                    long thisYear = others.stream().filter(r -> r.kind() == RecordKind.INSPECTION && r.comprehensive()
                            && r.occurredOn().getYear() == year).count() + 1;
                    if (thisYear > maxComprehensive) {
                        raised.add(new Raised(AlertKind.TOO_MANY_COMPREHENSIVE_INSPECTIONS, List.of(String.valueOf(year),
                                String.valueOf(thisYear), String.valueOf(maxComprehensive))));
                    }
                }
            }
            case SECONDMENT -> {
                LocalDate end = record.endsOn();
                if (end != null && end.isAfter(record.occurredOn().plusMonths(maxSecondmentMonths).minusDays(1))) {
                    long days = ChronoUnit.DAYS.between(record.occurredOn(), end) + 1;
                    raised.add(new Raised(AlertKind.LONG_SECONDMENT, List.of(record.occurredOn().toString(),
                            end.toString(), String.valueOf(record.teachers()), String.valueOf(days),
                            String.valueOf(maxSecondmentMonths))));
                }
            }
            case OFF_CAMPUS_REQUEST -> {
                // screened below; the rules refuse sending teachers off campus for unrelated duties
            }
        }
        List<String> formalism = new ArrayList<>(record.demands().stream().sorted().map(Enum::name).toList());
        record.findings().stream().map(Finding::ruleId).distinct()
                .filter(rule -> rule.equals(WORK_GROUPS) || (FORMALISM_RULES.containsKey(rule)
                        && !record.demands().contains(FORMALISM_RULES.get(rule))))
                .forEach(formalism::add);
        if (!formalism.isEmpty()) {
            raised.add(new Raised(AlertKind.FORMALISM_DEMAND, List.of(String.join(",", formalism))));
        }
        List<Finding> refusing = record.findings().stream().filter(f -> f.severity() == Severity.REFUSE).toList();
        if (!refusing.isEmpty()) {
            raised.add(new Raised(AlertKind.SCREENING_REFUSED, List.of(refusing.stream().map(Finding::ruleId)
                    .distinct().collect(Collectors.joining(",")))));
        }
        return raised;
    }

    private static void notCovered(SentinelRecord record, List<Raised> raised) {
        if (!record.covered() && !SentinelRecord.NOT_CHECKED.equals(record.coverage())) {
            raised.add(new Raised(AlertKind.NOT_COVERED, List.of(record.coverage(), record.title(),
                    record.departmentName(), record.occurredOn().toString())));
        }
    }
}
