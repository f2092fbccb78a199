package cn.campusgate.organization;

import java.util.EnumSet;
import java.util.Set;

import cn.campusgate.core.Role;

/** What an organisation is, and so which roles its people may hold. */
public enum OrganizationKind {
    /** 行政区划: city, district, town or street. */
    JURISDICTION(EnumSet.of(Role.TOWN_OFFICE, Role.ADMINISTRATOR)),
    /** 学校. */
    SCHOOL(EnumSet.of(Role.SCHOOL_SENTINEL)),
    /** 事项开展部门. */
    DEPARTMENT(EnumSet.of(Role.APPLICANT)),
    /** 区教委: applies items of its own and runs the task-force office (专班办公室). */
    EDUCATION_COMMISSION(EnumSet.of(Role.APPLICANT, Role.COMMISSION_REVIEWER, Role.SUPERVISOR, Role.ADMINISTRATOR)),
    /** 专家委员会. */
    EXPERT_COMMITTEE(EnumSet.of(Role.EXPERT, Role.COMMITTEE_SECRETARY)),
    /** 教育督导 / 纪检监察. */
    SUPERVISION_OFFICE(EnumSet.of(Role.SUPERVISOR)),
    /** 区委教育工作领导小组. */
    DISTRICT_LEADERSHIP_GROUP(EnumSet.of(Role.DISTRICT_APPROVER)),
    /** 市委教育工作领导小组. */
    MUNICIPAL_LEADERSHIP_GROUP(EnumSet.of(Role.MUNICIPAL_FILER));

    private final Set<Role> allowedRoles;

    OrganizationKind(Set<Role> allowedRoles) {
        this.allowedRoles = allowedRoles;
    }

    public Set<Role> allowedRoles() {
        return Set.copyOf(allowedRoles);
    }

    public boolean allows(Role role) {
        return allowedRoles.contains(role);
    }
}
