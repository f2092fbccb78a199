/**
 * Approval and filing (审批报备, R-4): every submitted item moves through its route's procedure (expert
 * committee opinion → preliminary review by the education commission → approval by the district
 * leadership group → filing with the municipal leadership group), each step with an owner, a deadline in
 * working days, a reason and a trace; quotas (总量控制) are enforced at the district approval.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Approval 审批报备")
@org.jspecify.annotations.NullMarked
package cn.campusgate.approval;
