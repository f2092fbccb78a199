package cn.campusgate.item;

/** How often the activity happens in one school. */
public enum Frequency {
    ONCE, PER_TERM, PER_SCHOOL_YEAR, MONTHLY, IRREGULAR
}
