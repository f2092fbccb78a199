package cn.campusgate.committee;

/** What the committee argues about each item: each judged yes or no, a reason required for no. */
public enum Judgement {
    /** 必要性. */
    NECESSITY,
    /** 针对性. */
    RELEVANCE,
    /** 育人价值. */
    EDUCATIONAL_VALUE
}
