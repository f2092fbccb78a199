/**
 * Supervision (闭环监管, R-6): public complaints (投诉举报) with the complainant's identity sealed and a
 * receipt code (回执码) to follow them without an account; cases that group related complaints and run
 * received → verification (核查) → handling → follow-up → closed with working-day deadlines, approved
 * extensions, returns and overdue escalation; measures on the escalation ladder (提示函, 督办单, 通报, 约谈,
 * 曝光, 追责问责, and removal from the whitelist through the whitelist's own change process), each with its
 * basis, the notice to the body concerned, a response window and the response; the public exposure page;
 * and the periodic notice report that ranks departments and towns, never schools or teachers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supervision 闭环监管")
@org.jspecify.annotations.NullMarked
package cn.campusgate.supervision;
