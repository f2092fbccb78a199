package cn.campusgate.evaluation;

/** Who answers the anonymous feedback, as they say themselves; nothing else about them is kept. */
public enum Respondent {
    TEACHER, STUDENT, PARENT
}
