/**
 * Campaign (专项整治, R-8): a jurisdiction's special campaign of a year with its milestones (安排部署, 排查摸底,
 * 公布白名单, 工作总结, 督导检查), the baseline survey (排查摸底) of the social affairs that entered schools since a
 * date, reported by departments and schools through a form or an Excel template, every affair screened with the
 * screening module, the findings as the problem list (问题清单), a rectification ledger entry (整改台账) per problem
 * tracked to closure, and the summary report (工作总结) as PDF and Word in Chinese. The task force (专班) is the
 * education commission's reviewers; departments, towns and schools see and report only their own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Campaign 专项整治")
@org.jspecify.annotations.NullMarked
package cn.campusgate.campaign;
