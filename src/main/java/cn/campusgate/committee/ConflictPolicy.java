package cn.campusgate.committee;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Who may not sit on an item's panel, and why. A member is conflicted when they belong to (or declared a
 * tie with) the applying department or a co-organiser, when a declared commercial or family tie names a
 * party of the item, when the department excluded them with a reason, or when they declared a conflict on
 * this item before. Organisation names are compared both ways (either contains the other), ignoring
 * spaces, and only from two characters on.
 */
public final class ConflictPolicy {

    private ConflictPolicy() {
    }

    /** An organisation the member declared, by name. */
    public record Named(long id, String name, @Nullable String shortName) {
    }

    /**
     * @param declaredOrganisations the member's declared organisations, with their names
     * @param exclusions            the department's exclusions of this item: member → reason
     * @param recused               members who declared a conflict on this item before
     */
    public static List<Conflict> reasons(CommitteeMember member, List<Named> declaredOrganisations, ItemFacts item,
                                         Map<Long, String> exclusions, Set<Long> recused, LocalDate today) {
        List<Conflict> reasons = new ArrayList<>();
        RosterProfile profile = member.profile();
        if (!member.active()) {
            reasons.add(new Conflict(Conflict.Kind.INACTIVE, ""));
        }
        if (!profile.available()) {
            String note = nonNull(profile.availabilityNote());
            reasons.add(new Conflict(Conflict.Kind.UNAVAILABLE, note.isEmpty() ? "" : "（" + note + "）"));
        }
        if (!profile.inTerm(today)) {
            reasons.add(new Conflict(Conflict.Kind.OUT_OF_TERM, ""));
        }
        boolean sameOrganisation = profile.conflictOrganizationIds().contains(item.departmentId())
                || related(profile.affiliation(), item.departmentName())
                || related(profile.affiliation(), item.departmentShortName());
        if (sameOrganisation) {
            reasons.add(new Conflict(Conflict.Kind.SAME_ORGANISATION, item.departmentName()));
        }
        for (String coOrganiser : coOrganisers(item.coOrganisers())) {
            boolean tied = related(profile.affiliation(), coOrganiser) || declaredOrganisations.stream()
                    .anyMatch(o -> related(o.name(), coOrganiser) || related(o.shortName(), coOrganiser))
                    || profile.tieParties().stream().anyMatch(p -> related(p, coOrganiser));
            if (tied) {
                reasons.add(new Conflict(Conflict.Kind.CO_ORGANISER, coOrganiser));
            }
        }
        for (String party : profile.tieParties()) {
            if (party.length() >= 2 && (related(party, item.departmentName()) || related(party, item.departmentShortName())
                    || normalise(item.text()).contains(normalise(party)))) {
                reasons.add(new Conflict(Conflict.Kind.DECLARED_TIE, party));
            }
        }
        String excluded = exclusions.get(member.accountId());
        if (excluded != null) {
            reasons.add(new Conflict(Conflict.Kind.EXCLUDED_BY_APPLICANT, excluded));
        }
        if (recused.contains(member.accountId())) {
            reasons.add(new Conflict(Conflict.Kind.DECLARED_ON_ITEM, ""));
        }
        return reasons;
    }

    /** Whether one of the member's topics of expertise appears in the item. */
    public static boolean matchesExpertise(RosterProfile profile, ItemFacts item) {
        String text = normalise(item.text());
        return profile.topics().stream().map(ConflictPolicy::normalise).anyMatch(t -> t.length() >= 2 && text.contains(t));
    }

    /** The co-organisers the department wrote, one by one (separated by 、，,;； or spaces). */
    static List<String> coOrganisers(@Nullable String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[、，,;；/\\s]+")).map(String::strip).filter(s -> s.length() >= 2)
                .distinct().toList();
    }

    static boolean related(@Nullable String a, @Nullable String b) {
        if (a == null || b == null) {
            return false;
        }
        String x = normalise(a);
        String y = normalise(b);
        return x.length() >= 2 && y.length() >= 2 && (x.contains(y) || y.contains(x));
    }

    private static String normalise(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static String nonNull(@Nullable String text) {
        return text == null ? "" : text;
    }
}
