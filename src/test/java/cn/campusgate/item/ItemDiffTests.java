package cn.campusgate.item;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ItemDiffTests {

    @Test
    void namesChangedFieldsInFormOrderWithAnInlineCharacterDiff() {
        ItemContent before = ItemLifecycleTests.complete();
        ItemContent after = ItemLifecycleTests.withRouteAndStart(ItemRoute.TEMPORARY, before.startDate());
        List<ItemDiff.FieldChange> changes = ItemDiff.between(before, after, Object::toString);
        assertThat(changes).extracting(ItemDiff.FieldChange::field).containsExactly("route", "endDate");
        ItemDiff.FieldChange route = changes.getFirst();
        assertThat(route.before()).isEqualTo("ANNUAL");
        assertThat(route.after()).isEqualTo("TEMPORARY");
    }

    @Test
    void chineseTextIsComparedCharacterByCharacter() {
        var segments = ItemDiff.between(content("学生现场体验灭火器使用"), content("学生观看灭火器使用演示"), Object::toString)
                .getFirst().segments();
        String removed = segments.stream().filter(s -> s.kind() == ItemDiff.Segment.Kind.REMOVED)
                .map(ItemDiff.Segment::text).reduce("", String::concat);
        String added = segments.stream().filter(s -> s.kind() == ItemDiff.Segment.Kind.ADDED)
                .map(ItemDiff.Segment::text).reduce("", String::concat);
        String same = segments.stream().filter(s -> s.kind() == ItemDiff.Segment.Kind.SAME)
                .map(ItemDiff.Segment::text).reduce("", String::concat);
        assertThat(same).contains("学生", "灭火器使用");
        assertThat(removed).contains("现场体验");
        assertThat(added).contains("观看", "演示");
    }

    @Test
    void theItemPageReadsTheFieldsInTheFormsOrderAndStagesInTheStageOrder() {
        ItemContent content = ItemLifecycleTests.complete();
        java.util.Map<String, String> texts = ItemDiff.texts(content, v -> v instanceof cn.campusgate.organization.SchoolStage s
                ? java.util.Map.of("PRIMARY", "小学", "JUNIOR_SECONDARY", "初中").getOrDefault(s.name(), s.name()) : v.toString());
        assertThat(texts.keySet()).startsWith("title", "theme", "route", "coOrganisers", "exemptNational", "admissionGround");
        assertThat(List.copyOf(texts.keySet()).indexOf("integrationChannel"))
                .isLessThan(List.copyOf(texts.keySet()).indexOf("targetStages"));

        ItemContent both = new ItemContent(content.title(), content.theme(), content.coOrganisers(), content.route(),
                content.admissionGround(), content.basis(), content.content(), content.form(), content.deliveryMode(),
                java.util.Set.of(cn.campusgate.organization.SchoolStage.JUNIOR_SECONDARY,
                        cn.campusgate.organization.SchoolStage.PRIMARY), content.targetGrades(), content.targetSchools(),
                content.graduatingClasses(), content.startDate(), content.endDate(), content.frequency(),
                content.classHours(), content.teacherHours(), content.teachersLeaveCampus(), content.dataDemands(),
                content.expectedEffect(), content.evaluationMethod(), content.integrationChannel(),
                content.exemptNational(), content.place());
        assertThat(ItemDiff.texts(both, v -> v instanceof cn.campusgate.organization.SchoolStage s
                ? (s == cn.campusgate.organization.SchoolStage.PRIMARY ? "小学" : "初中") : v.toString())
                .get("targetStages")).isEqualTo("小学、初中");
    }

    @Test
    void identicalVersionsHaveNoChanges() {
        assertThat(ItemDiff.between(ItemLifecycleTests.complete(), ItemLifecycleTests.complete(), Object::toString)).isEmpty();
    }

    private static ItemContent content(String text) {
        return new ItemContent("标题", null, null, null, null, null, text, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null);
    }
}
