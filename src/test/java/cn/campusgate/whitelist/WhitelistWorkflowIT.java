package cn.campusgate.whitelist;

import java.time.LocalDate;

import cn.campusgate.ApprovedItems;
import cn.campusgate.CampusGateTest;
import cn.campusgate.SignedIn;
import cn.campusgate.approval.ApprovalWorkflowIT;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.item.Item;
import cn.campusgate.item.ItemContent;
import cn.campusgate.item.ItemRoute;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Lists built from items that really passed the chain, through comment period, approval, publication, an
 * amendment by a temporary item and a removal, and the public check against the result. Works in 2033
 * so that no other test's quota counts move.
 */
@CampusGateTest
class WhitelistWorkflowIT {

    private static final LocalDate MARCH = LocalDate.of(2033, 3, 7);

    @Autowired Whitelists whitelists;
    @Autowired SignedIn signedIn;
    @Autowired ApprovedItems approvedItems;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    Whitelist listOf(WhitelistKind kind) {
        return signedIn.call("commission", () -> whitelists.managed()).stream().map(Whitelists.Summary::list)
                .filter(l -> l.year() == 2033 && l.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void aListGoesFromItsDraftThroughCommentAndApprovalToPublicationAndIsAmendedAndChecked() throws Exception {
        Item talk = approvedItems.throughTheChain("dept.fire", ApprovalWorkflowIT.content("消防安全进课堂（白名单测试）", "消防安全白名单测试",
                ItemRoute.ANNUAL, MARCH));
        Item inspection = approvedItems.throughTheChain("dept.police", ApprovalWorkflowIT.content("校园安全专项检查（白名单测试）",
                "校园安全检查白名单测试", ItemRoute.ANNUAL, MARCH));

        Whitelist social = listOf(WhitelistKind.SOCIAL_AFFAIRS);
        assertThat(social.status()).isEqualTo(WhitelistStatus.DRAFT);
        assertThat(signedIn.call("commission", () -> whitelists.entries(social, true)))
                .extracting(WhitelistEntry::itemId).containsExactly(talk.id());
        assertThat(signedIn.call("commission", () -> whitelists.entries(listOf(WhitelistKind.INSPECTION), true)))
                .extracting(WhitelistEntry::itemId).containsExactly(inspection.id());
        assertThatThrownBy(() -> whitelists.publicList(social.id())).as("a draft is not public")
                .isInstanceOf(BusinessRuleViolation.class);

        // 公示: anyone objects, the leadership group cannot approve before the period ends or while unanswered.
        Whitelist commenting = signedIn.call("commission", () -> whitelists.startCommentPeriod(social.id(),
                social.version(), 7));
        assertThat(commenting.commentEndsOn()).isEqualTo(LocalDate.now().plusDays(6));
        long objection = whitelists.fileObjection(social.id(), null, "王家长", "13800000000", "讲座时间与期中考试冲突。");
        assertThatThrownBy(() -> signedIn.call("district", () -> whitelists.approve(social.id(), commenting.version(), "同意")))
                .hasMessage("whitelist.commentPeriodRunning");
        // The seven days pass (the application's clock is the real one, so the period is moved back instead).
        jdbc.sql("UPDATE whitelist SET comment_starts_on = comment_starts_on - 7, comment_ends_on = comment_ends_on - 7"
                + " WHERE id = :id").param("id", social.id()).update();
        assertThatThrownBy(() -> whitelists.fileObjection(social.id(), null, null, null, "太晚了"))
                .hasMessage("whitelist.notOpenForObjections");
        assertThatThrownBy(() -> signedIn.call("district", () -> whitelists.approve(social.id(), commenting.version(), "同意")))
                .hasMessage("whitelist.objectionsUnanswered");
        signedIn.call("commission", () -> whitelists.answerObjection(objection, "已调整至期中考试后开展。", false));
        Whitelist approved = signedIn.call("district", () -> whitelists.approve(social.id(), commenting.version(),
                "同意发布。"));
        assertThat(approved.status()).isEqualTo(WhitelistStatus.APPROVED);

        Whitelist published = signedIn.call("commission", () -> whitelists.publish(social.id(), approved.version(),
                "合教发〔2033〕1号", LocalDate.of(2033, 1, 1), LocalDate.of(2033, 12, 31)));
        assertThat(published.publishedVersion()).isEqualTo(1);
        assertThat(whitelists.version(published, 1).entries()).extracting(WhitelistEntry::itemId)
                .containsExactly(talk.id());
        assertThat(whitelists.answeredObjections(published)).extracting(Objection::answer)
                .containsExactly("已调整至期中考试后开展。");

        // A temporary item joins the list in force as an amendment: version 2.
        Item temporary = approvedItems.throughTheChain("dept.fire", ApprovalWorkflowIT.content("防火应急疏散演练（白名单测试）",
                "应急疏散白名单测试", ItemRoute.TEMPORARY, LocalDate.of(2033, 4, 11)));
        Whitelist amended = whitelists.publicList(social.id());
        assertThat(amended.status()).isEqualTo(WhitelistStatus.AMENDED);
        assertThat(amended.publishedVersion()).isEqualTo(2);
        assertThat(whitelists.version(amended, 2).entries()).extracting(WhitelistEntry::itemId)
                .containsExactly(talk.id(), temporary.id());
        assertThat(whitelists.changes(amended, false)).anySatisfy(c -> {
            assertThat(c.kind()).isEqualTo(WhitelistChange.Kind.ADDED);
            assertThat(c.versionNumber()).isEqualTo(2);
            assertThat(c.entryTitle()).isEqualTo("防火应急疏散演练（白名单测试）");
            assertThat(c.reason()).isEqualTo("临时事项一事一审通过");
        });

        // the talk is removed with its reason; it stays in history.
        WhitelistEntry talkEntry = whitelists.entries(amended, false).stream().filter(e -> e.itemId() == talk.id())
                .findFirst().orElseThrow();
        Whitelist afterRemoval = signedIn.call("commission", () -> whitelists.remove(talkEntry.id(), amended.version(),
                "绩效评估效果不佳，师生反映负担重。", "区委教育工作领导小组2033年第3次会议决定", null));
        assertThat(afterRemoval.publishedVersion()).isEqualTo(3);
        WhitelistEntry removed = whitelists.publicEntry(social.id(), talkEntry.id());
        assertThat(removed.removed()).isTrue();
        assertThat(removed.removalReason()).isEqualTo("绩效评估效果不佳，师生反映负担重。");
        assertThat(removed.removedInVersion()).isEqualTo(3);
        assertThat(whitelists.version(afterRemoval, 3).entries()).extracting(WhitelistEntry::itemId)
                .containsExactly(temporary.id());
        assertThat(whitelists.version(afterRemoval, 1).entries()).as("past versions keep what they published")
                .extracting(WhitelistEntry::itemId).containsExactly(talk.id());
        assertThat(whitelists.changes(afterRemoval, false)).first().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(WhitelistChange.Kind.REMOVED);
            assertThat(c.decision()).isEqualTo("区委教育工作领导小组2033年第3次会议决定");
            assertThat(c.changedOn()).isEqualTo(LocalDate.now());
        });

        // The public check, without sign-in, by name or by code.
        String school = "合川区二郎镇中心小学";
        mvc.perform(get("/api/v1/public/whitelist/check").param("school", school).param("department", "区消防救援支队")
                        .param("title", "防火应急疏散演练（白名单测试）").param("date", "2033-04-15"))
                .andExpect(status().isOk())
                .andExpect(header().exists("ETag"))
                .andExpect(jsonPath("$.covered").value(true))
                .andExpect(jsonPath("$.reason").value("COVERED"))
                .andExpect(jsonPath("$.entry.title").value("防火应急疏散演练（白名单测试）"));
        mvc.perform(get("/api/v1/public/whitelist/check").param("school", school).param("department", "区消防救援支队")
                        .param("title", "防火应急疏散演练（白名单测试）").param("date", "2033-06-15"))
                .andExpect(jsonPath("$.covered").value(false))
                .andExpect(jsonPath("$.reason").value("OUTSIDE_TIME_WINDOW"));
        mvc.perform(get("/api/v1/public/whitelist/check").param("school", "重庆市合川中学").param("department", "区消防救援支队")
                        .param("title", "防火应急疏散演练（白名单测试）").param("date", "2033-04-15"))
                .andExpect(jsonPath("$.reason").value("SCHOOL_OUT_OF_SCOPE"));
        mvc.perform(get("/api/v1/public/whitelist/check").param("school", school).param("department", "区消防救援支队")
                        .param("title", "消防安全进课堂（白名单测试）").param("date", "2033-03-10"))
                .andExpect(jsonPath("$.reason").value("NOT_LISTED"));
        mvc.perform(get("/api/v1/public/whitelist/check").param("school", "不存在的学校").param("department", "区消防救援支队")
                        .param("title", "x").param("date", "2033-03-10"))
                .andExpect(status().isUnprocessableContent());
    }
}
