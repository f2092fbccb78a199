package cn.campusgate.evaluation;

/** The reason chips of the anonymous feedback: a few, each either for or against the activity. */
public enum Reason {
    PRACTICAL(true), ENGAGING(true), FITS_AGE(true),
    FORMALISM(false), TOOK_CLASS_TIME(false), EXTRA_TASKS(false), REPETITIVE(false);

    private final boolean favourable;

    Reason(boolean favourable) {
        this.favourable = favourable;
    }

    public boolean favourable() {
        return favourable;
    }
}
