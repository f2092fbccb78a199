/**
 * Insight (大数据分析, R-6): the read side. Keeps its own read model (facts per thing that happened, and monthly
 * roll-ups per district) fed by the events other modules publish, and shows a dashboard for a district, a town, a
 * department or a school: items and activities against caps, class hours taken, alerts, complaints and their
 * handling times, verified violations by department and town, similar themes across departments and monthly
 * trends, every figure exportable. Ranks departments and towns only, never teachers nor schools by participation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight 数据分析")
@org.jspecify.annotations.NullMarked
package cn.campusgate.insight;
