package cn.campusgate.evaluation;

/** What a school rates in the reverse evaluation: a department's activity plan, notice, data request or inspection. */
public enum TaskKind {
    ACTIVITY, NOTICE, DATA_REQUEST, INSPECTION
}
