package cn.campusgate.committee;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.campusgate.organization.MemberKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may not sit on a panel: same organisation, co-organisers, declared ties, exclusions, unavailability. */
class ConflictPolicyTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    static final ItemFacts FIRE = new ItemFacts(7, 30, "区消防救援支队", "消防", "区应急管理局、重庆安学通教育科技有限公司",
            "消防安全进课堂\n消防员讲解逃生要领，学生体验灭火器使用");

    static CommitteeMember member(RosterProfile profile) {
        return new CommitteeMember(11, "expert", "吴教授", MemberKind.EDUCATION_EXPERT, true, 10, profile);
    }

    static List<Conflict.Kind> kinds(RosterProfile profile, Map<Long, String> exclusions, Set<Long> recused) {
        return kinds(profile, FIRE, exclusions, recused);
    }

    static List<Conflict.Kind> kinds(RosterProfile profile, ItemFacts item, Map<Long, String> exclusions, Set<Long> recused) {
        List<ConflictPolicy.Named> declared = profile.conflictOrganizationIds().contains(40L)
                ? List.of(new ConflictPolicy.Named(40, "区应急管理局", "应急")) : List.of();
        return ConflictPolicy.reasons(member(profile), declared, item, exclusions, recused, TODAY).stream()
                .map(Conflict::kind).toList();
    }

    @Test
    void aMemberWithoutTiesIsDrawable() {
        assertThat(kinds(RosterProfile.blank(), Map.of(), Set.of())).isEmpty();
    }

    @Test
    void theApplicantsOwnPeopleAndTiedOrganisationsAreConflicted() {
        RosterProfile sameAffiliation = new RosterProfile("区消防救援支队宣传科", List.of(), null, null, true, null, List.of(), List.of());
        assertThat(kinds(sameAffiliation, Map.of(), Set.of())).containsExactly(Conflict.Kind.SAME_ORGANISATION);
        RosterProfile declared = new RosterProfile("", List.of(), null, null, true, null, List.of(30L), List.of());
        assertThat(kinds(declared, Map.of(), Set.of())).containsExactly(Conflict.Kind.SAME_ORGANISATION);
    }

    @Test
    void coOrganisersAndDeclaredTiesCount() {
        RosterProfile tiedOrganisation = new RosterProfile("", List.of(), null, null, true, null, List.of(40L), List.of());
        assertThat(ConflictPolicy.reasons(member(tiedOrganisation), List.of(new ConflictPolicy.Named(40, "区应急管理局", "应急")),
                FIRE, Map.of(), Set.of(), TODAY)).extracting(Conflict::kind).containsExactly(Conflict.Kind.CO_ORGANISER);
        RosterProfile commercialTie = new RosterProfile("", List.of(), null, null, true, null, List.of(),
                List.of("重庆安学通教育科技有限公司：配偶持股"));
        assertThat(kinds(commercialTie, Map.of(), Set.of())).containsExactly(Conflict.Kind.CO_ORGANISER);
        ItemFacts mentioning = new ItemFacts(8, 31, "区公安局", "公安", null,
                "防诈骗宣传\n由重庆安学通教育科技有限公司提供宣传材料和答题小程序");
        assertThat(kinds(commercialTie, mentioning, Map.of(), Set.of())).containsExactly(Conflict.Kind.DECLARED_TIE);
        assertThat(kinds(RosterProfile.blank(), mentioning, Map.of(), Set.of())).isEmpty();
    }

    @Test
    void exclusionsEarlierRecusalsUnavailabilityAndTheTermCount() {
        RosterProfile away = new RosterProfile("", List.of(), TODAY.minusYears(3), TODAY.minusDays(1), false, "出国访学",
                List.of(), List.of());
        assertThat(kinds(away, Map.of(11L, "曾为该部门提供有偿咨询"), Set.of(11L))).containsExactlyInAnyOrder(
                Conflict.Kind.UNAVAILABLE, Conflict.Kind.OUT_OF_TERM, Conflict.Kind.EXCLUDED_BY_APPLICANT,
                Conflict.Kind.DECLARED_ON_ITEM);
    }

    @Test
    void expertiseMatchesTheItemText() {
        RosterProfile fire = new RosterProfile("", List.of("逃生", "心理健康"), null, null, true, null, List.of(), List.of());
        assertThat(ConflictPolicy.matchesExpertise(fire, FIRE)).isTrue();
        assertThat(ConflictPolicy.matchesExpertise(RosterProfile.blank(), FIRE)).isFalse();
    }
}
