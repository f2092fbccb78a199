package cn.campusgate.committee;

import java.util.List;

import cn.campusgate.organization.MemberKind;

/**
 * One roster member as the draw saw them: the facts the draw ranks on, recorded with the panel so that an
 * auditor can replay it.
 *
 * @param load      panels the member sat on this term (panel load; never a measure of the person)
 * @param matches   whether one of the member's topics of expertise appears in the item
 * @param preferred whether the secretary asked to prefer the member (the panel of a similar item)
 * @param reasons   why the member may not be drawn: conflicts and unavailability; empty when drawable
 */
public record Candidate(long accountId, String name, MemberKind kind, int load, boolean matches, boolean preferred,
                        List<Conflict> reasons) {

    public Candidate {
        reasons = List.copyOf(reasons);
    }

    public boolean drawable() {
        return reasons.isEmpty();
    }

    public boolean conflicted() {
        return reasons.stream().anyMatch(r -> r.kind().conflictOfInterest());
    }
}
