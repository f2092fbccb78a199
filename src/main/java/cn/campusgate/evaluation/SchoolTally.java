package cn.campusgate.evaluation;

/**
 * The schools' answers about a group of activities, counted. Shown only when at least {@link Group#MIN} schools
 * answered, so a department cannot tell which school said what.
 *
 * @param answered   schools that held the activity and answered the three questions
 * @param notHeld    schools that said the activity did not take place there
 * @param value      the sum of the answering schools' values (see {@link Effectiveness#schoolValue})
 * @param duplicated answers that said the activity partly or largely duplicated school work
 */
public record SchoolTally(long answered, long notHeld, long usefulnessSum, long burdenSum, long duplicated,
                          double value) {

    public static SchoolTally empty() {
        return new SchoolTally(0, 0, 0, 0, 0, 0);
    }

    public boolean shown() {
        return Group.shown(answered);
    }

    public double usefulness() {
        return answered == 0 ? 0 : usefulnessSum / (double) answered;
    }

    public double burden() {
        return answered == 0 ? 0 : burdenSum / (double) answered;
    }

    public long duplicatedPercent() {
        return answered == 0 ? 0 : Math.round(100.0 * duplicated / answered);
    }

    SchoolTally plus(SchoolTally other) {
        return new SchoolTally(answered + other.answered, notHeld + other.notHeld, usefulnessSum + other.usefulnessSum,
                burdenSum + other.burdenSum, duplicated + other.duplicated, value + other.value);
    }
}
