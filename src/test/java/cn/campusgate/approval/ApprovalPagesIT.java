package cn.campusgate.approval;

import java.time.LocalDate;

import cn.campusgate.CampusGateTest;
import cn.campusgate.SignedIn;
import cn.campusgate.item.Item;
import cn.campusgate.item.ItemRoute;
import cn.campusgate.item.Items;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The chain's pages and API as each role meets them; bad input is refused in the user's language and changes nothing. */
@CampusGateTest
class ApprovalPagesIT {

    static final String PASSWORD = "CampusGate#2026";

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired Items items;
    @Autowired ApprovalRepository repository;
    @Autowired Procedures procedures;
    @Autowired cn.campusgate.ExpertOpinions expertOpinions;

    Item submitted(String title, LocalDate start) {
        Item draft = signedIn.call("dept.fire", () -> items.draft(ApprovalWorkflowIT.content(title, "消防知识普及",
                ItemRoute.ANNUAL, start)));
        return signedIn.call("dept.fire", () -> items.submit(draft.id(), draft.version()));
    }

    @Test
    void theStepHolderSeesTheActionsOthersOnlyTheTraceAndOutsidersNothing() throws Exception {
        Item item = submitted("消防知识普及（页面测试）", LocalDate.of(2027, 11, 8));
        mvc.perform(get("/approvals").param("q", "页面测试").with(signedIn.as("secretary"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("消防知识普及（页面测试）")));
        // The committee's step is decided by signing its opinion: the secretary is sent there, not offered the form.
        mvc.perform(get("/items/{id}", item.id()).with(signedIn.as("secretary"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"decided-elsewhere-link\"")))
                .andExpect(content().string(containsString("/committee/items/" + item.id())))
                .andExpect(content().string(not(containsString("data-testid=\"decision-form\""))))
                .andExpect(content().string(containsString("专家委员会论证")));
        mvc.perform(get("/items/{id}", item.id()).with(signedIn.as("dept.fire"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"approval-trace\"")))
                .andExpect(content().string(not(containsString("data-testid=\"decision-form\""))))
                .andExpect(content().string(containsString("撤回")));
        mvc.perform(get("/items/{id}", item.id()).with(signedIn.as("supervisor"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"remind-form\"")));
        mvc.perform(get("/items/{id}", item.id()).with(signedIn.as("district"))).andExpect(status().isNotFound());
        mvc.perform(get("/items/{id}", item.id()).with(signedIn.as("dept.police"))).andExpect(status().isNotFound());
    }

    @Test
    void aReturnWithoutAReasonIsRefusedInTheUsersLanguageAndChangesNothing() throws Exception {
        Item item = submitted("消防知识普及（理由测试）", LocalDate.of(2027, 11, 15));
        expertOpinions.approve(item.id());
        long task = repository.latestForItem(item.id()).orElseThrow().openTasks().findFirst().orElseThrow().id();
        mvc.perform(post("/approvals/tasks/{id}/decision", task).with(signedIn.as("commission")).with(csrf())
                        .param("decision", "RETURNED").param("text", " ").param("itemId", String.valueOf(item.id())))
                .andExpect(redirectedUrl("/items/" + item.id()))
                .andExpect(flash().attribute("problem", containsString("必须写明理由")));
        mvc.perform(post("/api/v1/approvals/tasks/{id}/decision", task).with(httpBasic("commission", PASSWORD))
                        .param("lang", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"REJECTED\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("reason is required")));
        mvc.perform(post("/api/v1/approvals/tasks/{id}/decision", task).with(httpBasic("commission", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"MAYBE\"}"))
                .andExpect(status().isBadRequest());
        assertThat(repository.latestForItem(item.id()).orElseThrow().task(task).status()).isEqualTo(TaskStatus.OPEN);

        mvc.perform(post("/api/v1/approvals/tasks/{id}/decision", task).with(httpBasic("commission", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"APPROVED\",\"text\":\"同意\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.currentStepKind").value("DISTRICT_APPROVAL"));
        mvc.perform(get("/approvals").param("tab", "DONE").with(signedIn.as("commission"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("消防知识普及（理由测试）")));
        mvc.perform(get("/api/v1/approvals/inbox").with(httpBasic("district", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].itemId", org.hamcrest.Matchers.hasItem((int) item.id())));
    }

    @Test
    void theSecretaryCannotDecideTheCommitteeStepWithoutASignedOpinionOnThePageNorThroughTheApi() throws Exception {
        Item item = submitted("消防知识普及（论证签发测试）", LocalDate.of(2027, 11, 22));
        long task = repository.latestForItem(item.id()).orElseThrow().openTasks().findFirst().orElseThrow().id();
        mvc.perform(post("/approvals/tasks/{id}/decision", task).with(signedIn.as("secretary")).with(csrf())
                        .param("decision", "APPROVED").param("text", "同意").param("itemId", String.valueOf(item.id())))
                .andExpect(redirectedUrl("/items/" + item.id()))
                .andExpect(flash().attribute("problem", containsString("签发论证意见")));
        mvc.perform(post("/api/v1/approvals/tasks/{id}/decision", task).with(httpBasic("secretary", PASSWORD))
                        .param("lang", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"APPROVED\",\"text\":\"ok\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("signs the panel opinion")));
        assertThat(repository.latestForItem(item.id()).orElseThrow().task(task).status()).isEqualTo(TaskStatus.OPEN);
    }

    @Test
    void theAdministratorRevisesAProcedureOnlyWithAReasonAndValidDeadlines() throws Exception {
        Procedure before = procedures.active(ItemRoute.TEMPORARY);
        mvc.perform(get("/admin/procedures").with(signedIn.as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("临时事项")));
        mvc.perform(get("/admin/procedures/TEMPORARY/edit").with(signedIn.as("admin"))).andExpect(status().isOk());
        mvc.perform(post("/admin/procedures/TEMPORARY").with(signedIn.as("admin")).with(csrf())
                        .param("basedOnRevision", String.valueOf(before.revision()))
                        .param("deadline", "3", "abc", "2", "2").param("quorum", "ONE", "ONE", "ONE", "ONE")
                        .param("note", "测试"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请为每个环节填写")));
        mvc.perform(post("/admin/procedures/TEMPORARY").with(signedIn.as("admin")).with(csrf())
                        .param("basedOnRevision", String.valueOf(before.revision()))
                        .param("deadline", "3", "2", "2", "2").param("quorum", "ONE", "ONE", "ONE", "ONE")
                        .param("note", ""))
                .andExpect(content().string(containsString("请填写修改理由")));
        assertThat(procedures.active(ItemRoute.TEMPORARY).revision()).isEqualTo(before.revision());
        mvc.perform(get("/admin/procedures").with(signedIn.as("commission"))).andExpect(status().isForbidden());
    }

    @Test
    void quotasAndTheFollowUpReportShowToThoseWhoUseThem() throws Exception {
        mvc.perform(get("/admin/quotas").with(signedIn.as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("年度白名单事项上限")));
        mvc.perform(post("/admin/quotas").with(signedIn.as("admin")).with(csrf()).param("year", "2030")
                        .param("maxItems", "12").param("maxActivitiesPerSchoolSemester", "6").param("version", "0"))
                .andExpect(flash().attribute("problem", containsString("只能从严")));
        mvc.perform(post("/admin/quotas").with(signedIn.as("admin")).with(csrf()).param("year", "2030")
                        .param("maxItems", "many").param("maxActivitiesPerSchoolSemester", "6").param("version", "0"))
                .andExpect(flash().attribute("problem", containsString("有效")));
        mvc.perform(get("/approvals/report").with(signedIn.as("supervisor"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("超期未办环节")));
        mvc.perform(get("/approvals/report").with(signedIn.as("dept.fire"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/approvals/quotas/2027").with(httpBasic("district", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.caps.maxItems").value(10));
    }
}
