package cn.campusgate.committee;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.campusgate.organization.MemberKind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The panel draw over random rosters: every kind of the roster's drawable members is covered, no conflicted
 * or unavailable member is ever chosen, load is balanced (nobody sits while an equal with fewer panels is left
 * out), and the same seed and inputs always give the same panel, whatever order the roster comes in.
 */
class PanelDrawTests {

    @Provide
    Arbitrary<List<Candidate>> rosters() {
        Arbitrary<Candidate> member = Combinators.combine(
                Arbitraries.of(MemberKind.class),
                Arbitraries.integers().between(0, 4),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 9)).as((kind, load, matches, preferred, trouble) ->
                new Candidate(0, "m", kind, load, matches, preferred, reasons(trouble)));
        return member.list().ofMinSize(0).ofMaxSize(20).map(PanelDrawTests::numbered);
    }

    /** About a third of the members have a conflict or are unavailable. */
    private static List<Conflict> reasons(int trouble) {
        return switch (trouble) {
            case 0 -> List.of(new Conflict(Conflict.Kind.SAME_ORGANISATION, "区公安局"));
            case 1 -> List.of(new Conflict(Conflict.Kind.EXCLUDED_BY_APPLICANT, "曾任该部门顾问"));
            case 2 -> List.of(new Conflict(Conflict.Kind.UNAVAILABLE, ""));
            default -> List.of();
        };
    }

    private static List<Candidate> numbered(List<Candidate> members) {
        List<Candidate> numbered = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Candidate c = members.get(i);
            numbered.add(new Candidate(100 + i * 7L, "委员" + i, c.kind(), c.load(), c.matches(), c.preferred(), c.reasons()));
        }
        return numbered;
    }

    @Property(tries = 500)
    void everyKindOfTheRosterIsCoveredWhenThePanelHasSeatsForThem(@ForAll("rosters") List<Candidate> roster,
                                                                 @ForAll @IntRange(min = 4, max = 9) int size,
                                                                 @ForAll long seed) {
        List<Long> panel = PanelDraw.draw(roster, size, seed);
        Set<MemberKind> available = EnumSet.noneOf(MemberKind.class);
        roster.stream().filter(Candidate::drawable).forEach(c -> available.add(c.kind()));
        Set<MemberKind> covered = EnumSet.noneOf(MemberKind.class);
        panel.forEach(id -> covered.add(byId(roster, id).kind()));
        assertThat(covered).containsAll(available);
    }

    @Property(tries = 500)
    void noConflictedOrUnavailableMemberIsEverChosen(@ForAll("rosters") List<Candidate> roster,
                                                     @ForAll @IntRange(min = 3, max = 9) int size, @ForAll long seed) {
        List<Long> panel = PanelDraw.draw(roster, size, seed);
        assertThat(panel).allSatisfy(id -> assertThat(byId(roster, id).drawable()).isTrue());
        assertThat(new HashSet<>(panel)).hasSameSizeAs(panel);
        long drawable = roster.stream().filter(Candidate::drawable).count();
        assertThat(panel).hasSize((int) Math.min(size, drawable));
    }

    @Property(tries = 500)
    void nobodySitsWhileAnEqualWithFewerPanelsIsLeftOut(@ForAll("rosters") List<Candidate> roster,
                                                       @ForAll @IntRange(min = 3, max = 9) int size,
                                                       @ForAll long seed) {
        List<Long> panel = PanelDraw.draw(roster, size, seed);
        for (long chosenId : panel) {
            Candidate chosen = byId(roster, chosenId);
            roster.stream().filter(Candidate::drawable).filter(c -> !panel.contains(c.accountId()))
                    .filter(c -> c.kind() == chosen.kind() && c.matches() == chosen.matches()
                            && c.preferred() == chosen.preferred())
                    .forEach(left -> assertThat(left.load()).as("%s left out with load %d while %s sits with %d",
                            left.name(), left.load(), chosen.name(), chosen.load()).isGreaterThanOrEqualTo(chosen.load()));
        }
    }

    @Property(tries = 300)
    void theSameSeedAndInputsGiveTheSamePanelInAnyOrder(@ForAll("rosters") List<Candidate> roster,
                                                       @ForAll @IntRange(min = 3, max = 9) int size,
                                                       @ForAll long seed) {
        List<Candidate> shuffled = new ArrayList<>(roster);
        Collections.shuffle(shuffled, new java.util.Random(seed ^ 0x5DEECE66DL));
        assertThat(PanelDraw.draw(shuffled, size, seed)).isEqualTo(PanelDraw.draw(roster, size, seed));
        DrawRecord recorded = DrawRecord.panel(roster, size, seed);
        assertThat(recorded.replays()).isTrue();
    }

    @Property(tries = 300)
    void aReplacementIsDrawableNotSeatedAndOfTheSameKindWhenOneIsLeft(@ForAll("rosters") List<Candidate> roster,
                                                                      @ForAll long seed) {
        List<Long> panel = PanelDraw.draw(roster, 3, seed);
        if (panel.isEmpty()) {
            return;
        }
        long leaving = panel.getFirst();
        MemberKind kind = byId(roster, leaving).kind();
        PanelDraw.replacement(roster, panel, kind, seed).ifPresent(id -> {
            Candidate replacement = byId(roster, id);
            assertThat(replacement.drawable()).isTrue();
            assertThat(panel).doesNotContain(id);
            boolean sameKindLeft = roster.stream().anyMatch(c -> c.drawable() && c.kind() == kind
                    && !panel.contains(c.accountId()));
            if (sameKindLeft) {
                assertThat(replacement.kind()).isEqualTo(kind);
            }
        });
        DrawRecord recorded = DrawRecord.replacement(roster, panel, leaving, seed);
        assertThat(recorded.replays()).isTrue();
    }

    private static Candidate byId(List<Candidate> roster, long id) {
        return roster.stream().filter(c -> c.accountId() == id).findFirst().orElseThrow();
    }
}
