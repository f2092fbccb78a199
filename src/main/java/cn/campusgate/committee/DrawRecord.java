package cn.campusgate.committee;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Everything a draw used and what it chose, kept with the panel: drawing again on the same candidates, size,
 * seated members and seed must give the same members ({@link #replays()}).
 *
 * @param seed       the random seed of the tie-break among equals
 * @param size       how many members were wanted (1 for a replacement)
 * @param candidates the whole roster as the draw saw it, drawable or not
 * @param seated     for a replacement, who already sat on the panel (never drawn again); empty for a panel draw
 * @param replaced   for a replacement, the member replaced; {@code null} for a panel draw
 * @param chosen     the members drawn, in the order they were drawn
 */
public record DrawRecord(long seed, int size, List<Candidate> candidates, List<Long> seated, @Nullable Long replaced,
                         List<Long> chosen) {

    public DrawRecord {
        candidates = List.copyOf(candidates);
        seated = List.copyOf(seated);
        chosen = List.copyOf(chosen);
    }

    public static DrawRecord panel(List<Candidate> candidates, int size, long seed) {
        return new DrawRecord(seed, size, candidates, List.of(), null, PanelDraw.draw(candidates, size, seed));
    }

    public static DrawRecord replacement(List<Candidate> candidates, List<Long> seated, long replaced, long seed) {
        return new DrawRecord(seed, 1, candidates, seated, replaced,
                PanelDraw.replacement(candidates, seated, kindOf(candidates, replaced), seed).stream().toList());
    }

    /** The draw recomputed from the recorded inputs alone. */
    public List<Long> recomputed() {
        return replaced == null ? PanelDraw.draw(candidates, size, seed)
                : PanelDraw.replacement(candidates, seated, kindOf(candidates, replaced), seed).stream().toList();
    }

    /** Whether drawing again from the recorded inputs gives the recorded members. */
    public boolean replays() {
        return recomputed().equals(chosen);
    }

    public @Nullable Candidate candidate(long accountId) {
        return candidates.stream().filter(c -> c.accountId() == accountId).findFirst().orElse(null);
    }

    private static cn.campusgate.organization.@Nullable MemberKind kindOf(List<Candidate> candidates, long accountId) {
        return candidates.stream().filter(c -> c.accountId() == accountId).map(Candidate::kind).findFirst()
                .orElse(null);
    }
}
