package cn.campusgate.evaluation;

/**
 * The reporting rule of the data-protection design: a group of answers is shown only when it holds at least
 * {@link #MIN} of them, so that no answer can be traced back to the few people who gave it.
 */
public final class Group {

    /** Fewer answers than this are never shown, not even as a count. */
    public static final int MIN = 5;

    private Group() {
    }

    public static boolean shown(long answers) {
        return answers >= MIN;
    }
}
