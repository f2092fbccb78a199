package cn.campusgate.screening;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule fires on a plain case, stays silent when the same words are negated, and ignores unrelated text. */
class ScreeningRulesTests {

    private final Screening screening = ScreeningFixtures.screening();

    /** rule id, a text that breaks it, the same idea negated, an unrelated text that shares some words. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("R2-IRR-COMMERCIAL", "讲座中推广某品牌学习机。", "活动为公益性质，不含任何商业广告。", "打造学校德育品牌，复制推广经验。"),
                Arguments.of("R2-IRR-FEES", "参加学生须缴纳报名费50元。", "活动不收取任何费用。", "培训费用由区体育局承担。"),
                Arguments.of("R2-IRR-OFF-CAMPUS-DUTY", "安排教师到路口开展文明交通劝导执勤。", "不得安排教师上街执勤。", "消防员为教师开展消防安全培训。"),
                Arguments.of("R2-IRR-SECONDMENT", "抽调教师参加人口普查入户登记。", "严禁抽调借用中小学教师。", "学校选派骨干教师参加市级教研活动。"),
                Arguments.of("R2-IRR-UNRELATED-TASK", "组织学生充当观众参加开幕式。", "不组织学生充当观众。", "学校开展文明礼仪教育。"),
                Arguments.of("R2-DIS-NO-APPROVAL", "未经审批直接进入校园开展宣传。", "严禁未经审批进入校园。", "经区教委审批后按计划进校。"),
                Arguments.of("R2-DIS-FREQUENT", "每周进校开展一次宣讲。", "避免重复进校，与其他部门整合一次性开展。", "每学期开展1次讲座。"),
                Arguments.of("R2-DIS-INSPECTION", "每月对学校开展防溺水督查。", "不对学校开展重复检查。", "卫生院为学生进行视力检查。"),
                Arguments.of("R2-INE-DUPLICATE-TEACHING", "讲座内容与学校道德与法治课教材内容重复。", "内容不与学校现有课程重复。", "现有课程中未开设急救技能内容。"),
                Arguments.of("R2-INE-RATES", "确保学生参与率达到100%。", "不以参与率、知晓率评价效果。", "通过学生座谈了解活动效果。"),
                Arguments.of("R2-INE-RANKING", "对各校完成情况进行排名通报。", "不排名、不通报，不与学校考核挂钩。", "学生在课堂上讨论交通规则。"),
                Arguments.of("R2-INE-APPS", "要求学生下载反诈APP并注册账号。", "无需下载任何APP。", "学校在课堂上介绍防诈骗常识。"),
                Arguments.of("R2-INE-WORK-GROUPS", "请家长在班级群接龙回复收到。", "不得在家长群里要求回复或转发。", "通过家长会向家长介绍活动。"),
                Arguments.of("R2-INE-CHECK-IN", "学生连续21天每日打卡。", "不要求学生打卡。", "学生按时到校上课。"),
                Arguments.of("R2-INE-CHAIN", "请班主任在群里接龙报名。", "严禁接龙。", "学生自愿报名参加。"),
                Arguments.of("R2-INE-LIKES", "请为宣传视频点赞转发。", "不得要求点赞。", "学生赞扬消防员的勇敢。"),
                Arguments.of("R2-INE-QUIZ", "学生在线完成安全知识答题。", "不组织学生做题答题。", "学生在课堂上提出问题。"),
                Arguments.of("R2-INE-PHOTOS", "活动结束后拍照上传。", "不要求拍照留痕。", "学生参观摄影作品展。"),
                Arguments.of("R2-INE-BRIEFINGS", "学校报送活动简报和新闻稿。", "无需报送简报或总结。", "专家总结了溺水事故的原因。"),
                Arguments.of("R2-INE-PAPERWORK", "各校建立防溺水工作台账。", "不要求学校建立台账。", "学校开展防溺水教育。"),
                Arguments.of("R2-INE-INSPECT-AFTER-ASSIGN", "工作部署后三天内开展专项督查。", "不在工作部署后立即开展督查。", "部署工作后给学校一个学期实施。"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void firesOnThePlainCase(String rule, String positive, String negated, String unrelated) {
        assertThat(ruleIds(positive)).as(positive).contains(rule);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void staysSilentWhenNegated(String rule, String positive, String negated, String unrelated) {
        assertThat(ruleIds(negated)).as(negated).doesNotContain(rule);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ignoresUnrelatedText(String rule, String positive, String negated, String unrelated) {
        assertThat(ruleIds(unrelated)).as(unrelated).doesNotContain(rule);
    }

    @Test
    void everyRuleHasACaseAndMessagesInBothLanguages() {
        List<String> covered = cases().map(arguments -> (String) arguments.get()[0]).toList();
        List<RuleView> zh = screening.rules(Locale.SIMPLIFIED_CHINESE);
        List<RuleView> en = screening.rules(Locale.ENGLISH);
        assertThat(zh).hasSameSizeAs(en);
        zh.stream().filter(rule -> !rule.id().equals(RuleCatalogue.SIMILAR_THEME))
                .forEach(rule -> assertThat(covered).contains(rule.id()));
        assertThat(zh).allSatisfy(rule -> {
            assertThat(rule.clause()).contains("“");
            assertThat(rule.explanation()).doesNotStartWith("screening.");
        });
        assertThat(en.get(0).explanation()).startsWith("The item");
    }

    @Test
    void flagsCountAsMuchAsWords() {
        ScreeningInput input = new ScreeningInput("学习方法讲座", null, "讲解学习方法。", null, null, null, null, null, null,
                true, true, null, null, null);
        List<Finding> findings = screening.check(input, Locale.SIMPLIFIED_CHINESE);
        assertThat(findings).extracting(Finding::ruleId).containsExactly("R2-IRR-COMMERCIAL", "R2-IRR-FEES");
        assertThat(findings).extracting(Finding::field).containsExactly("commercial", "chargesStudents");
        assertThat(screening.refuses(findings)).isTrue();
    }

    @Test
    void teachersOffCampusCountOnlyForNonTeachingDuties() {
        ScreeningInput duty = new ScreeningInput("创建文明城市", null, "测评期间协助维持秩序。", null, null, null, null, null,
                true, null, null, null, null, null);
        ScreeningInput trip = new ScreeningInput("红色研学", null, "教师带领学生参观革命纪念馆。", null, null, null, null, null,
                true, null, null, null, null, null);
        assertThat(ruleIds(duty)).contains("R2-IRR-OFF-CAMPUS-DUTY");
        assertThat(ruleIds(trip)).doesNotContain("R2-IRR-OFF-CAMPUS-DUTY");
    }

    @Test
    void studentsOnTrafficDutyAreNotTeachersOnDuty() {
        for (String students : List.of("组织学生志愿者在校门口开展文明交通执勤。", "少先队员文明交通劝导岗，班主任带领学生轮流执勤。",
                "学生交通执勤，由班主任负责组织。")) {
            for (Boolean leave : new Boolean[]{null, true}) {
                ScreeningInput input = new ScreeningInput("文明交通进校园", null, students, null, null, null, null, null,
                        leave, null, null, null, null, null);
                assertThat(ruleIds(input)).as(students + " / teachers leave campus: " + leave)
                        .doesNotContain("R2-IRR-OFF-CAMPUS-DUTY");
            }
        }
        ScreeningInput teachers = ScreeningInput.of("文明交通进校园", "安排教师在路口执勤。");
        ScreeningInput teachersFlagged = new ScreeningInput("文明交通进校园", null, "学生放学后由教师在路口执勤。", null, null,
                null, null, null, true, null, null, null, null, null);
        assertThat(ruleIds(teachers)).contains("R2-IRR-OFF-CAMPUS-DUTY");
        assertThat(ruleIds(teachersFlagged)).contains("R2-IRR-OFF-CAMPUS-DUTY");
    }

    @Test
    void theEmergencyGroundTurnsSecondmentIntoAWarning() {
        String content = "汛期抽调沿河学校教师协助转移群众。";
        ScreeningInput ordinary = ScreeningInput.of("防汛转移", content);
        ScreeningInput emergency = new ScreeningInput("防汛转移", null, content, null, null, null, null, null, null, null,
                null, null, null, "EMERGENCY");
        Finding refused = screening.check(ordinary, Locale.SIMPLIFIED_CHINESE).getFirst();
        Finding warned = screening.check(emergency, Locale.SIMPLIFIED_CHINESE).getFirst();
        assertThat(refused.severity()).isEqualTo(Severity.REFUSE);
        assertThat(warned.ruleId()).isEqualTo("R2-IRR-SECONDMENT");
        assertThat(warned.severity()).isEqualTo(Severity.WARN);
        assertThat(warned.explanation()).contains("紧急情况");
    }

    @Test
    void aFindingNamesTheFieldTheClauseAndTheWords() {
        ScreeningInput input = new ScreeningInput("禁毒宣传", null, "民警进校讲解毒品危害。", null, null, null, null, null, null,
                null, null, "活动后各校上报照片3张。", null, null);
        Finding finding = screening.check(input, Locale.ENGLISH).getFirst();
        assertThat(finding.ruleId()).isEqualTo("R2-INE-PHOTOS");
        assertThat(finding.family()).isEqualTo(RuleFamily.INEFFECTIVE);
        assertThat(finding.field()).isEqualTo("evaluationMethod");
        assertThat(finding.evidence()).isEqualTo("照片");
        assertThat(finding.clause()).contains("拍照、简报等重留痕轻实效行为");
        assertThat(finding.explanation()).contains("photos");
    }

    @Test
    void cleanTextHasNoFindings() {
        assertThat(screening.check(ScreeningInput.of("消防安全教育", "消防员到校讲解火灾逃生知识，学生现场体验灭火器使用。"),
                Locale.SIMPLIFIED_CHINESE)).isEmpty();
    }

    private List<String> ruleIds(String text) {
        return ruleIds(ScreeningInput.of("事项", text));
    }

    private List<String> ruleIds(ScreeningInput input) {
        return screening.check(input, Locale.SIMPLIFIED_CHINESE).stream().map(Finding::ruleId).toList();
    }
}
