package cn.campusgate.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a complainant tells, by the public page, the public API, or a staff member taking a call or a letter.
 * Name and contact are optional; with a contact the complainant is "identified" (and sealed).
 *
 * @param targetId the department or town/street concerned, if the complainant knows it
 * @param itemTitle the activity's name as the complainant knows it
 */
public record ComplaintCommand(@Nullable ComplaintCategory category, @Nullable Long schoolId,
                               @Nullable Long targetId, @Nullable String itemTitle,
                               @org.springframework.format.annotation.DateTimeFormat(
                                       iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                               @Nullable LocalDate happenedOn, @Nullable String description,
                               @Nullable String name, @Nullable String contact) {

    public static final int MAX_DESCRIPTION = 2000;
    public static final int MIN_DESCRIPTION = 10;

    /** One problem with one field, as a message key with its arguments. */
    public record FieldProblem(String field, String messageKey, List<Object> arguments) {
        public FieldProblem {
            arguments = List.copyOf(arguments);
        }
    }

    /** Everything wrong with the command that can be seen without the database. */
    List<FieldProblem> problems(LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (category == null) {
            problems.add(new FieldProblem("category", "supervision.complaint.category.required", List.of()));
        }
        if (schoolId == null) {
            problems.add(new FieldProblem("schoolId", "supervision.complaint.school.required", List.of()));
        }
        if (happenedOn == null) {
            problems.add(new FieldProblem("happenedOn", "supervision.complaint.happenedOn.required", List.of()));
        } else if (happenedOn.isAfter(today)) {
            problems.add(new FieldProblem("happenedOn", "supervision.complaint.happenedOn.future", List.of()));
        } else if (happenedOn.isBefore(today.minusYears(2))) {
            problems.add(new FieldProblem("happenedOn", "supervision.complaint.happenedOn.tooOld", List.of(2)));
        }
        String text = description == null ? "" : description.strip();
        if (text.length() < MIN_DESCRIPTION) {
            problems.add(new FieldProblem("description", "supervision.complaint.description.short", List.of(MIN_DESCRIPTION)));
        } else if (text.length() > MAX_DESCRIPTION) {
            problems.add(new FieldProblem("description", "supervision.complaint.description.long", List.of(MAX_DESCRIPTION)));
        }
        if (itemTitle != null && itemTitle.strip().length() > 100) {
            problems.add(new FieldProblem("itemTitle", "supervision.text.tooLong", List.of(100)));
        }
        if (name != null && name.strip().length() > 30) {
            problems.add(new FieldProblem("name", "supervision.text.tooLong", List.of(30)));
        }
        if (contact != null && contact.strip().length() > 60) {
            problems.add(new FieldProblem("contact", "supervision.text.tooLong", List.of(60)));
        }
        return problems;
    }

    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
