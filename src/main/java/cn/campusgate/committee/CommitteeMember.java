package cn.campusgate.committee;

import cn.campusgate.organization.MemberKind;

/** A member of the committee: their account (kind, name, whether active) and their roster profile. */
public record CommitteeMember(long accountId, String username, String name, MemberKind kind, boolean active,
                              long committeeId, RosterProfile profile) {
}
