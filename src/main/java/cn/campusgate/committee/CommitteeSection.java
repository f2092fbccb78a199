package cn.campusgate.committee;

import java.util.List;
import java.util.Map;

import cn.campusgate.organization.MemberKind;
import org.jspecify.annotations.Nullable;

/**
 * What the item page shows of the expert pre-review to anyone who may read the item: where the panel stands,
 * its composition by kind (never names or individual scores), and the signed opinions; the department's
 * exclusion requests while the panel is formed; a way in for the secretary and for a member of the panel.
 */
public record CommitteeSection(Panel panel, Map<MemberKind, Long> composition, List<CommitteeOpinion> opinions,
                               List<Exclusions.Exclusion> exclusions, List<CommitteeMember> excludable,
                               boolean mayExclude, int maxExclusions, boolean secretary, @Nullable Long myReviewId) {
}
