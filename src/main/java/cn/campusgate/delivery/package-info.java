/**
 * Delivery (规范实施过程管理, R-5): the implementation plan (实施方案) a department files for a whitelist entry at
 * least one month before the activity — dates, schools and grades, class hours, how many teachers take part,
 * the integration channel (融合途径) or a resource pack the school runs itself — and the education commission's
 * review (approve, possibly narrowed; return; merge with a similar plan of another department). The per-school
 * schedule sets a school's semester against its cap and warns of clustering and exam weeks.
 *
 * <p>Public API: {@link cn.campusgate.delivery.ImplementationPlans} (plans and the schedule) and
 * {@link cn.campusgate.delivery.ScheduleRules} (the clustering, exam-week and cap policy).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Delivery 实施管理",
        allowedDependencies = {"core", "organization", "item", "whitelist", "approval", "screening", "notification"})
@org.jspecify.annotations.NullMarked
package cn.campusgate.delivery;
