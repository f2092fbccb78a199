/**
 * Whitelist (白名单, R-4 publication and R-5 removal): per jurisdiction and year, the social-affairs list
 * and the inspection/appraisal list (督查检查评比考核), built from items that passed the approval chain.
 * Each list goes through a public comment period (公示) with objections the commission answers, is approved
 * by the district leadership group, published as numbered versions, amended during the year (every change
 * logged with its reason and decision) and archived at year end. The public reads and checks it without
 * signing in.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Whitelist 白名单")
@org.jspecify.annotations.NullMarked
package cn.campusgate.whitelist;
