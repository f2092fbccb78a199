package cn.campusgate.committee;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the committee knows about a member beyond the account: where they work, what they know, their
 * term, whether they can take panels now, and what they declared (organisations they are tied to, and
 * commercial or family ties, one per line as {@code party：nature}).
 */
public record RosterProfile(String affiliation, List<String> topics, @Nullable LocalDate termStarts,
                            @Nullable LocalDate termEnds, boolean available, @Nullable String availabilityNote,
                            List<Long> conflictOrganizationIds, List<String> declaredTies) {

    public RosterProfile {
        topics = List.copyOf(topics);
        conflictOrganizationIds = List.copyOf(conflictOrganizationIds);
        declaredTies = List.copyOf(declaredTies);
    }

    /** A member nobody has described yet: available, no term limits, nothing declared. */
    public static RosterProfile blank() {
        return new RosterProfile("", List.of(), null, null, true, null, List.of(), List.of());
    }

    public boolean inTerm(LocalDate day) {
        return (termStarts == null || !day.isBefore(termStarts)) && (termEnds == null || !day.isAfter(termEnds));
    }

    /** The party of each declared tie (the text before "：", or the whole line). */
    public List<String> tieParties() {
        return declaredTies.stream().map(line -> line.split("[:：]", 2)[0].strip()).filter(p -> !p.isEmpty()).toList();
    }
}
