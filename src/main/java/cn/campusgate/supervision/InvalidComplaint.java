package cn.campusgate.supervision;

import java.util.List;

import cn.campusgate.core.BusinessRuleViolation;

/** The complaint cannot be taken as it stands; each problem names its field. Nothing was stored. */
public class InvalidComplaint extends BusinessRuleViolation {

    private final transient List<ComplaintCommand.FieldProblem> problems;

    InvalidComplaint(List<ComplaintCommand.FieldProblem> problems) {
        super(problems.getFirst().messageKey(), problems.getFirst().arguments().toArray());
        this.problems = List.copyOf(problems);
    }

    /** One field's problem. */
    public static InvalidComplaint of(String field, String messageKey, Object... arguments) {
        return new InvalidComplaint(List.of(new ComplaintCommand.FieldProblem(field, messageKey, List.of(arguments))));
    }

    public List<ComplaintCommand.FieldProblem> problems() {
        return problems;
    }
}
