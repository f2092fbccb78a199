package cn.campusgate.committee;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import cn.campusgate.organization.MemberKind;
import org.jspecify.annotations.Nullable;

/**
 * The panel draw: a pure function of the candidates, the size and a seed. First one member of every kind
 * that has a drawable member (in {@link MemberKind} order), then the remaining seats from everyone left.
 * Within each choice the ranking is: the secretary's preference (members of a similar item's panel), then
 * matching expertise, then the lower panel load this term, then a random key from the seed: so members
 * equal in all of these are drawn at random, and the same inputs always give the same panel.
 *
 * <p>The random keys come from {@link Random}, whose algorithm the Java specification fixes, one per
 * candidate in ascending account order: a replay on any JVM gives the same keys.
 */
public final class PanelDraw {

    private PanelDraw() {
    }

    /** The members drawn, in the order drawn; fewer than {@code size} when not enough are drawable. */
    public static List<Long> draw(List<Candidate> candidates, int size, long seed) {
        Map<Long, Long> keys = keys(candidates, seed);
        Comparator<Candidate> rank = ranking(keys);
        List<Candidate> pool = new ArrayList<>(candidates.stream().filter(Candidate::drawable).sorted(rank).toList());
        List<Long> chosen = new ArrayList<>();
        for (MemberKind kind : MemberKind.values()) {
            if (chosen.size() >= size) {
                break;
            }
            pool.stream().filter(c -> c.kind() == kind).findFirst().ifPresent(c -> {
                chosen.add(c.accountId());
                pool.remove(c);
            });
        }
        for (Candidate next : pool) {
            if (chosen.size() >= size) {
                break;
            }
            chosen.add(next.accountId());
        }
        return List.copyOf(chosen);
    }

    /**
     * One member to take a seat that fell free: a drawable member not already seated, of the replaced
     * member's kind if there is one (so the panel keeps its coverage), ranked as in {@link #draw}.
     */
    public static Optional<Long> replacement(List<Candidate> candidates, List<Long> seated,
                                             @Nullable MemberKind kind, long seed) {
        Map<Long, Long> keys = keys(candidates, seed);
        List<Candidate> pool = candidates.stream().filter(Candidate::drawable)
                .filter(c -> !seated.contains(c.accountId())).sorted(ranking(keys)).toList();
        return pool.stream().filter(c -> c.kind() == kind).findFirst().or(() -> pool.stream().findFirst())
                .map(Candidate::accountId);
    }

    /** The kinds a confirmed panel must have: an education expert, a principal or teacher, a deputy or member. */
    public static List<String> compositionProblems(List<MemberKind> kinds) {
        List<String> problems = new ArrayList<>();
        Set<MemberKind> present = kinds.isEmpty() ? EnumSet.noneOf(MemberKind.class) : EnumSet.copyOf(kinds);
        if (!present.contains(MemberKind.EDUCATION_EXPERT)) {
            problems.add("committee.panel.needs.EDUCATION_EXPERT");
        }
        if (!present.contains(MemberKind.PRINCIPAL_TEACHER_REPRESENTATIVE)) {
            problems.add("committee.panel.needs.PRINCIPAL_TEACHER_REPRESENTATIVE");
        }
        if (!present.contains(MemberKind.NPC_DEPUTY) && !present.contains(MemberKind.CPPCC_MEMBER)) {
            problems.add("committee.panel.needs.DEPUTY");
        }
        return problems;
    }

    private static Comparator<Candidate> ranking(Map<Long, Long> keys) {
        return Comparator.comparing(Candidate::preferred).reversed()
                .thenComparing(Comparator.comparing(Candidate::matches).reversed())
                .thenComparingInt(Candidate::load)
                .thenComparingLong(c -> keys.get(c.accountId()))
                .thenComparingLong(Candidate::accountId);
    }

    private static Map<Long, Long> keys(List<Candidate> candidates, long seed) {
        Random random = new Random(seed);
        Map<Long, Long> keys = new HashMap<>();
        candidates.stream().map(Candidate::accountId).distinct().sorted()
                .forEach(id -> keys.put(id, random.nextLong()));
        return keys;
    }
}
