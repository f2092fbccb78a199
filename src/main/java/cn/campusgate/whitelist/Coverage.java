package cn.campusgate.whitelist;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import cn.campusgate.approval.Semester;
import cn.campusgate.organization.SchoolStage;
import org.jspecify.annotations.Nullable;

/**
 * Whether an activity of a department in a school on a day is covered by the lists in force: a named
 * policy, tested alone. Refusals are reason codes, checked in this order: not listed, outside the time
 * window, school out of scope, over the school's semester cap.
 */
public final class Coverage {

    public enum Reason {
        /** Listed, in its window, reaching the school, within the school's semester cap. */
        COVERED,
        /** No entry of that department with that title in a list in force. */
        NOT_LISTED,
        /** Listed, but not on that day. */
        OUTSIDE_TIME_WINDOW,
        /** Listed and in its window, but the entry does not reach that school (stage or named schools). */
        SCHOOL_OUT_OF_SCOPE,
        /** The school already has its semester's number of listed activities before this one. */
        OVER_SCHOOL_SEMESTER_CAP
    }

    /** The answer: the reason and, when an entry was found on the way, the nearest one. */
    public record Result(Reason reason, @Nullable WhitelistEntry entry) {
        public boolean covered() {
            return reason == Reason.COVERED;
        }
    }

    /**
     * The school as the check sees it.
     *
     * @param districtSchools names of every school of the district: a list of target schools counts only
     *                        when it names real schools (as the quota count reads it), else the stages decide
     */
    public record School(String name, @Nullable SchoolStage stage, Set<String> districtSchools) {
        public School {
            districtSchools = Set.copyOf(districtSchools);
        }
    }

    private static final Pattern NOT_COMPARED = Pattern.compile("[\\p{P}\\p{Z}\\s]+");

    private Coverage() {
    }

    /**
     * @param inForce          entries of the lists in force for the school's jurisdictions
     * @param semesterCap      activities per school and semester (exempt national items do not count)
     */
    public static Result check(List<WhitelistEntry> inForce, School school, long departmentId, String title,
                               LocalDate day, int semesterCap) {
        List<WhitelistEntry> listed = inForce.stream()
                .filter(e -> e.departmentId() == departmentId && sameTitle(e.title(), title)).toList();
        if (listed.isEmpty()) {
            return new Result(Reason.NOT_LISTED, null);
        }
        List<WhitelistEntry> inWindow = listed.stream().filter(e -> e.inWindow(day)).toList();
        if (inWindow.isEmpty()) {
            return new Result(Reason.OUTSIDE_TIME_WINDOW, listed.getFirst());
        }
        List<WhitelistEntry> reaching = inWindow.stream().filter(e -> reaches(e, school)).toList();
        if (reaching.isEmpty()) {
            return new Result(Reason.SCHOOL_OUT_OF_SCOPE, inWindow.getFirst());
        }
        WhitelistEntry entry = reaching.getFirst();
        if (entry.exempt()) {
            return new Result(Reason.COVERED, entry);
        }
        Semester semester = Semester.of(day);
        List<WhitelistEntry> counted = inForce.stream()
                .filter(e -> !e.exempt() && semester.overlaps(e.startsOn(), e.endsOn()) && reaches(e, school))
                .sorted(Comparator.comparing(WhitelistEntry::startsOn).thenComparingLong(WhitelistEntry::id))
                .toList();
        int place = counted.indexOf(entry);
        if (place >= semesterCap) {
            return new Result(Reason.OVER_SCHOOL_SEMESTER_CAP, entry);
        }
        return new Result(Reason.COVERED, entry);
    }

    /** Titles compared without spaces and punctuation; one containing the other counts as the same. */
    static boolean sameTitle(String listed, String asked) {
        String a = normal(listed);
        String b = normal(asked);
        return !b.isEmpty() && (a.equals(b) || a.contains(b) || b.contains(a));
    }

    private static String normal(String text) {
        return NOT_COMPARED.matcher(text).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** The schools it names, or else the school's stage among its stages (a combined school has the sections). */
    static boolean reaches(WhitelistEntry entry, School school) {
        String named = entry.targetSchools();
        if (named != null && !named.isBlank()) {
            Set<String> names = Set.of(named.split("[、,，;；\\s]+"));
            // Names that are no school (e.g. "各小学") fall back to the stages, as the quota count does.
            if (names.stream().anyMatch(school.districtSchools()::contains)) {
                return names.contains(school.name());
            }
        }
        SchoolStage stage = school.stage();
        if (stage == null) {
            return false;
        }
        Set<SchoolStage> targets = entry.stages();
        return switch (stage) {
            case NINE_YEAR -> targets.contains(SchoolStage.NINE_YEAR) || targets.contains(SchoolStage.PRIMARY)
                    || targets.contains(SchoolStage.JUNIOR_SECONDARY);
            case TWELVE_YEAR -> targets.contains(SchoolStage.TWELVE_YEAR) || targets.contains(SchoolStage.PRIMARY)
                    || targets.contains(SchoolStage.JUNIOR_SECONDARY) || targets.contains(SchoolStage.SENIOR_SECONDARY);
            default -> targets.contains(stage);
        };
    }
}
