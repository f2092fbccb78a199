/**
 * Organisations and accounts: jurisdictions (重庆市 → 合川区 → towns and streets), schools, departments,
 * the expert committee, the education commission office, the leadership groups and the supervision
 * office; people's accounts, their roles (each scoped to one organisation), sign-in and API tokens.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organization 组织与账号")
@org.jspecify.annotations.NullMarked
package cn.campusgate.organization;
