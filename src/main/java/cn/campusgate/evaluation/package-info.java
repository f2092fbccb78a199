/**
 * Evaluation (绩效评估, R-5 and R-7): after an approved implementation plan has been delivered, each school it
 * reached answers three questions on one screen (useful to students, burden on teachers, duplicated school work),
 * and teachers, students and parents may answer anonymously through one link or QR code per activity — no sign-in,
 * four points without a neutral middle, a few reason chips, stored without any link to a person and dated by week
 * only. Results are shown only for groups of at least {@link cn.campusgate.evaluation.Group#MIN} answers. Each
 * whitelist entry gets an {@link cn.campusgate.evaluation.Effectiveness} figure that a handful of answers cannot
 * swing, combined with the schools' answers, complaints and verified violations; entries below the thresholds get a
 * {@link cn.campusgate.evaluation.RemovalProposal} that runs through the department's response, the leadership
 * group's decision and the whitelist's own change process. Schools also rate the tasks and documents departments
 * send them (reverse evaluation), which feeds the department reports. Nothing here measures or ranks teachers or
 * schools.
 *
 * <p>Public API: {@link cn.campusgate.evaluation.Feedback}, {@link cn.campusgate.evaluation.Removals},
 * {@link cn.campusgate.evaluation.TaskRatings}; events in {@link cn.campusgate.evaluation.EvaluationEvents}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evaluation 绩效评估",
        allowedDependencies = {"core", "organization", "delivery", "whitelist", "supervision", "notification", "calendar",
                "approval"})
@org.jspecify.annotations.NullMarked
package cn.campusgate.evaluation;
