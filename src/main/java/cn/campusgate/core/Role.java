package cn.campusgate.core;

import java.util.Set;

/**
 * The roles of REQUIREMENTS.md. Each is held within one organisation, and each may be held only by an
 * organisation of the kinds that the policy gives that duty to.
 */
public enum Role {
    /** 事项开展部门: drafts and submits items, implementation plans and delivery reports. */
    APPLICANT,
    /** 专家委员会委员: scores and argues items. */
    EXPERT,
    /** 专家委员会秘书: forms panels, issues the committee opinion. */
    COMMITTEE_SECRETARY,
    /** 区教委 (专班办公室): preliminary review, implementation plans, day-to-day supervision. */
    COMMISSION_REVIEWER,
    /** 区委教育工作领导小组: approves items and the whitelist. */
    DISTRICT_APPROVER,
    /** 市委教育工作领导小组: receives the filing. */
    MUNICIPAL_FILER,
    /** 学校 / 监测哨点: records what entered the school, answers short feedback. */
    SCHOOL_SENTINEL,
    /** 镇街: sees its own schools; supervised like departments. */
    TOWN_OFFICE,
    /** 督导 / 纪检: verifies complaints, issues notices, interviews, exposure. */
    SUPERVISOR,
    /** 系统管理员: organisations and accounts. */
    ADMINISTRATOR;

    /** Spring Security authority name. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Set<Role> all() {
        return Set.of(values());
    }
}
