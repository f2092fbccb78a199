package cn.campusgate.approval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A school semester as the caps count it: spring (春季学期) February to July, autumn (秋季学期) August to
 * January of the next year, named by the year it starts in.
 */
public record Semester(int year, boolean autumn) {

    public LocalDate start() {
        return autumn ? LocalDate.of(year, 8, 1) : LocalDate.of(year, 2, 1);
    }

    public LocalDate end() {
        return autumn ? LocalDate.of(year + 1, 1, 31) : LocalDate.of(year, 7, 31);
    }

    public static Semester of(LocalDate day) {
        if (day.getMonthValue() == 1) {
            return new Semester(day.getYear() - 1, true);
        }
        return new Semester(day.getYear(), day.getMonthValue() >= 8);
    }

    /** Every semester that the period touches, in order. */
    public static List<Semester> touchedBy(LocalDate from, LocalDate to) {
        List<Semester> semesters = new ArrayList<>();
        for (Semester s = of(from); !s.start().isAfter(to); s = s.next()) {
            semesters.add(s);
        }
        return semesters;
    }

    public Semester next() {
        return autumn ? new Semester(year + 1, false) : new Semester(year, true);
    }

    public boolean overlaps(LocalDate from, LocalDate to) {
        return !from.isAfter(end()) && !to.isBefore(start());
    }

    /** Message key and argument for "2026年秋季学期". */
    public String messageKey() {
        return autumn ? "semester.autumn" : "semester.spring";
    }
}
