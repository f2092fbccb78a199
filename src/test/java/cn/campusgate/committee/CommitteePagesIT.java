package cn.campusgate.committee;

import java.time.LocalDate;

import cn.campusgate.CampusGateTest;
import cn.campusgate.SignedIn;
import cn.campusgate.item.Item;
import cn.campusgate.item.Items;
import cn.campusgate.organization.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The committee's pages as each role meets them: actions offered only when the panel allows them, bad input
 * refused in the reader's language without changing anything, and nobody outside the committee in.
 */
@CampusGateTest
class CommitteePagesIT {

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired Items items;
    @Autowired Panels panels;
    @Autowired Roster roster;
    @Autowired Accounts accounts;

    Item submitted(String title) {
        Item draft = signedIn.call("dept.fire", () -> items.draft(CommitteeWorkflowIT.content(title, "消防知识普及",
                LocalDate.of(2027, 9, 13))));
        return signedIn.call("dept.fire", () -> items.submit(draft.id(), draft.version()));
    }

    @Test
    void thePanelPageOffersWhatTheStateAllowsAndOnlyToTheSecretary() throws Exception {
        Item item = submitted("消防知识普及（论证页面）");
        Panel panel = signedIn.call("secretary", () -> panels.page(item.id()).panel());
        mvc.perform(get("/committee").with(signedIn.as("secretary"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("消防知识普及（论证页面）")));
        mvc.perform(get("/committee/items/{id}", item.id()).with(signedIn.as("secretary"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"propose-form\"")))
                .andExpect(content().string(not(containsString("data-testid=\"convene-form\""))))
                .andExpect(content().string(not(containsString("data-testid=\"sign\""))));
        mvc.perform(post("/committee/panels/{id}/convene", panel.id()).with(signedIn.as("secretary")).with(csrf())
                        .param("deadline", LocalDate.now().plusDays(3).toString()))
                .andExpect(redirectedUrl("/committee/items/" + item.id()))
                .andExpect(flash().attribute("problem", containsString("不能进行此操作")));
        mvc.perform(post("/committee/panels/{id}/propose", panel.id()).with(signedIn.as("secretary")).with(csrf())
                        .param("size", "12"))
                .andExpect(flash().attribute("problem", containsString("论证组人数应为 3 至 9 人")));
        mvc.perform(post("/committee/panels/{id}/propose", panel.id()).with(signedIn.as("secretary")).with(csrf())
                        .param("size", "4"))
                .andExpect(flash().attribute("notice", containsString("抽取拟定名单")));
        mvc.perform(get("/committee/items/{id}", item.id()).with(signedIn.as("secretary")))
                .andExpect(content().string(containsString("data-testid=\"convene-form\"")));
        long member = signedIn.call("secretary", () -> panels.get(panel.id())).members().getFirst();
        mvc.perform(post("/committee/panels/{id}/members/{m}/remove", panel.id(), member).with(signedIn.as("secretary"))
                        .with(csrf()).param("reason", " ").param("lang", "en"))
                .andExpect(flash().attribute("problem", containsString("Please give a reason")));
        assertThat(signedIn.call("secretary", () -> panels.get(panel.id())).members()).contains(member);
        mvc.perform(post("/committee/panels/{id}/convene", panel.id()).with(signedIn.as("secretary")).with(csrf())
                        .param("deadline", "someday"))
                .andExpect(flash().attribute("problem", containsString("格式不正确")));

        mvc.perform(get("/committee/items/{id}", item.id()).with(signedIn.as("commission"))).andExpect(status().isForbidden());
        mvc.perform(get("/committee/items/{id}", item.id()).with(signedIn.as("expert.edu"))).andExpect(status().isForbidden());
        mvc.perform(get("/committee/panels/{id}/replay", panel.id()).with(signedIn.as("supervisor")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("复核一致")));
        mvc.perform(get("/committee/panels/{id}/replay", panel.id()).with(signedIn.as("dept.fire")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aMembersIncompleteReviewIsRefusedFieldByFieldAndChangesNothing() throws Exception {
        Item item = submitted("消防知识普及（论证表单）");
        Panel panel = signedIn.call("secretary", () -> panels.page(item.id()).panel());
        signedIn.call("secretary", () -> panels.propose(panel.id(), 3, null));
        Panel convened = signedIn.call("secretary", () -> panels.convene(panel.id(), LocalDate.now().plusDays(5)));
        Review seat = convened.currentReviews().getFirst();
        String member = accounts.find(seat.accountId()).orElseThrow().username();

        mvc.perform(get("/committee/reviews/{id}", seat.id()).with(signedIn.as(member))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"declaration\"")))
                .andExpect(content().string(not(containsString("data-testid=\"review-form\""))))
                .andExpect(content().string(not(containsString("data-testid=\"read-item\""))));
        mvc.perform(get("/items/{id}", item.id()).with(signedIn.as(member))).andExpect(status().isNotFound());
        mvc.perform(post("/committee/reviews/{id}/clear", seat.id()).with(signedIn.as(member)).with(csrf()))
                .andExpect(redirectedUrl("/committee/reviews/" + seat.id()));
        mvc.perform(get("/items/{id}", item.id()).with(signedIn.as(member))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"open-review\"")));

        mvc.perform(post("/committee/reviews/{id}", seat.id()).with(signedIn.as(member)).with(csrf())
                        .param("aspects[0].aspect", "THEME").param("aspects[0].score", "9")
                        .param("judgements[0].judgement", "NECESSITY").param("judgements[0].holds", "false")
                        .param("recommendation", "APPROVE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请选择 1 至 5 分")))
                .andExpect(content().string(containsString("判断为不成立时须写明理由")))
                .andExpect(content().string(containsString("有判断为不成立时不能建议通过")))
                // A summary at the top of the form names each field and links to it.
                .andExpect(content().string(containsString("data-testid=\"review-error-summary\"")))
                .andExpect(content().string(containsString("href=\"#score-0\"")))
                .andExpect(content().string(containsString("href=\"#reason-0\"")))
                .andExpect(content().string(containsString("活动主题：请选择 1 至 5 分")));
        mvc.perform(post("/committee/reviews/{id}", seat.id()).with(signedIn.as(member)).with(csrf()).param("lang", "en")
                        .param("recommendation", "REJECT"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose a score from 1 to 5")));
        assertThat(signedIn.call("secretary", () -> panels.get(panel.id())).validReviews()).isZero();

        String other = accounts.find(convened.currentReviews().get(1).accountId()).orElseThrow().username();
        mvc.perform(get("/committee/reviews/{id}", seat.id()).with(signedIn.as(other))).andExpect(status().isNotFound());
        mvc.perform(get("/committee/reviews").with(signedIn.as("dept.fire"))).andExpect(status().isForbidden());
    }

    @Test
    void theRosterKeepsWhatTheSecretaryEntersAndRefusesBadInput() throws Exception {
        long id = accounts.findByUsername("expert.school2").orElseThrow().id();
        RosterProfile before = signedIn.call("secretary", () -> roster.member(id)).profile();
        mvc.perform(get("/committee/roster").with(signedIn.as("secretary"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("钱老师")));
        mvc.perform(post("/committee/roster/{id}", id).with(signedIn.as("secretary")).with(csrf())
                        .param("affiliation", "合川区二郎镇中心小学").param("termStarts", "2027-07-01")
                        .param("termEnds", "2026-06-30").param("available", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("任期结束日期不能早于开始日期")));
        assertThat(signedIn.call("secretary", () -> roster.member(id)).profile()).isEqualTo(before);
        mvc.perform(post("/committee/roster/{id}", id).with(signedIn.as("secretary")).with(csrf())
                        .param("affiliation", "合川区二郎镇中心小学（班主任）").param("topics", "班团队会、心理健康、防溺水")
                        .param("termStarts", "2024-07-01").param("termEnds", "2027-06-30").param("available", "true")
                        .param("declaredTies", "某研学旅行社：亲属任职"))
                .andExpect(redirectedUrl("/committee/roster"));
        assertThat(signedIn.call("secretary", () -> roster.member(id)).profile().declaredTies())
                .containsExactly("某研学旅行社：亲属任职");
        mvc.perform(get("/committee/roster").with(signedIn.as("expert.edu"))).andExpect(status().isForbidden());
    }

    @Test
    void theExpertStepOnTheItemPageSendsTheSecretaryToThePanel() throws Exception {
        Item item = submitted("消防知识普及（论证入口）");
        mvc.perform(get("/items/{id}", item.id()).with(signedIn.as("secretary"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"decided-elsewhere-link\"")))
                .andExpect(content().string(containsString("data-testid=\"committee-section\"")))
                .andExpect(content().string(containsString("data-testid=\"open-panel\"")));
        mvc.perform(get("/items/{id}", item.id()).with(signedIn.as("dept.fire"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"exclusion-form\"")));
        mvc.perform(post("/committee/items/{id}/exclusions", item.id()).with(signedIn.as("dept.fire")).with(csrf())
                        .param("accountId", String.valueOf(accounts.findByUsername("expert.npc").orElseThrow().id()))
                        .param("reason", ""))
                .andExpect(flash().attribute("problem", containsString("请写明申请回避的理由")));
        mvc.perform(get("/committee/panels/{id}/opinions/1.pdf",
                        signedIn.call("secretary", () -> panels.page(item.id()).panel()).id()).with(signedIn.as("dept.fire")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/").with(signedIn.as("expert.edu"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/committee/reviews")));
        mvc.perform(get("/").with(signedIn.as("secretary"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("个事项等待组建论证组")));
        mvc.perform(get("/committee").with(signedIn.as("expert.edu")))
                .andExpect(header().string("Location", "/committee/reviews"));
    }
}
