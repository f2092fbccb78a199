package cn.campusgate.evaluation;

/** The school's answer to "did it duplicate school work": not at all, partly, largely. */
public enum Duplication {
    NONE, PARTLY, LARGELY;

    /** 0 for none, 0.5 for partly, 1 for largely. */
    double share() {
        return ordinal() / 2.0;
    }
}
