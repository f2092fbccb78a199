package cn.campusgate.item;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cn.campusgate.CampusGateTest;
import cn.campusgate.SignedIn;
import cn.campusgate.approval.Approvals;
import cn.campusgate.audit.AuditTrail;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.NotFound;
import cn.campusgate.organization.SchoolStage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A department drafts, screens and submits items; a returned item is revised; versions and diffs are kept. */
@CampusGateTest
class ItemWorkflowIT {

    static final String PASSWORD = "CampusGate#2026";

    @Autowired Items items;
    @Autowired SignedIn signedIn;
    @Autowired MockMvc mvc;
    @Autowired AuditTrail audit;
    @Autowired Approvals approvals;
    @Autowired cn.campusgate.ExpertOpinions expertOpinions;

    static ItemContent item(String title, String theme, String text) {
        LocalDate start = LocalDate.now().plusDays(40);
        return new ItemContent(title, theme, null, ItemRoute.ANNUAL, AdmissionGround.LAW,
                "《中华人民共和国消防法》第六条", text, "专题讲座", DeliveryMode.ON_CAMPUS, Set.of(SchoolStage.PRIMARY),
                "四至六年级", null, GraduatingClasses.EXCLUDED, start, start.plusDays(30), Frequency.PER_SCHOOL_YEAR, 1,
                0, false, null, "学生掌握火场逃生基本技能", "学校结合课堂观察自评", IntegrationChannel.CLASS_TEAM_MEETING,
                false, "各小学");
    }

    @Test
    void aDepartmentSubmitsTheCommissionReturnsAndTheRevisionIsDiffed() throws Exception {
        Item draft = signedIn.call("dept.fire", () -> items.draft(item("消防安全进课堂（测试一）", "消防安全教育",
                "消防救援支队宣讲员结合典型火灾案例讲解逃生方法，学生分组练习灭火器使用。")));
        Item submitted = signedIn.call("dept.fire", () -> items.submit(draft.id(), draft.version()));
        assertThat(submitted.status()).isEqualTo(ItemStatus.SUBMITTED);
        assertThat(submitted.submittedVersions()).isEqualTo(1);

        // read-only once submitted
        assertThatThrownBy(() -> signedIn.call("dept.fire", () -> items.saveDraft(draft.id(), submitted.version(),
                item("改名", "消防安全教育", "任意内容任意内容任意内容任意内容任意内容"))))
                .isInstanceOf(BusinessRuleViolation.class);

        // The first step of the approval chain (the expert committee's signed opinion) returns it for correction.
        expertOpinions.sign(draft.id(), cn.campusgate.committee.Recommendation.APPROVE_WITH_CHANGES);
        Item returned = signedIn.call("dept.fire", () -> items.get(draft.id()));
        assertThat(returned.status()).isEqualTo(ItemStatus.RETURNED);

        Item revised = signedIn.call("dept.fire", () -> items.saveDraft(draft.id(), returned.version(),
                item("消防安全进课堂（测试一）", "消防安全教育",
                        "消防救援支队宣讲员在班队会上结合典型火灾案例讲解逃生方法，学生观看灭火器使用演示。")));
        Item resubmitted = signedIn.call("dept.fire", () -> items.submit(draft.id(), revised.version()));
        assertThat(resubmitted.submittedVersions()).isEqualTo(2);
        assertThat(signedIn.call("dept.fire", () -> items.versions(draft.id()))).hasSize(2);

        mvc.perform(get("/items/{id}/diff", draft.id()).with(signedIn.as("commission")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("第 1 版与第 2 版的区别")))
                .andExpect(content().string(containsString("<ins>在班队会上</ins>")))
                .andExpect(content().string(containsString("data-field=\"content\"")));
        assertThat(audit.latest("item:" + draft.id(), 10)).extracting(e -> e.action())
                .contains("item.drafted", "item.submitted", "item.returned", "item.draft-saved");
    }

    @Test
    void aCommercialItemIsRefusedWithThePolicyClause() {
        Item draft = signedIn.call("dept.police", () -> items.draft(item("某品牌学习用品推广讲座（测试）", "学习用品推广",
                "邀请某品牌文具公司进校开展产品推介讲座，现场发放优惠券并组织学生购买学习用品。")));
        assertThatThrownBy(() -> signedIn.call("dept.police", () -> items.submit(draft.id(), draft.version())))
                .isInstanceOf(BusinessRuleViolation.class)
                .satisfies(e -> {
                    BusinessRuleViolation violation = (BusinessRuleViolation) e;
                    assertThat(violation.messageKey()).isEqualTo("item.refusedByScreening");
                    assertThat(violation.arguments()[0].toString()).contains("商业");
                });
        assertThat(signedIn.call("dept.police", () -> items.get(draft.id())).status()).isEqualTo(ItemStatus.DRAFT);
    }

    @Test
    void liveScreeningPointsAtTheFieldThatCausedTheFinding() throws Exception {
        mvc.perform(post("/items/screen").with(signedIn.as("dept.health")).with(csrf())
                        .param("title", "近视防控宣传（测试）").param("content", "请各校每天组织学生在小程序打卡并上传照片，统计参与率后排名通报。"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.findings[*].field", hasItem("content")))
                .andExpect(jsonPath("$.findings[0].clause").isNotEmpty());
        // The 14-day rule of temporary items shows while typing, under the start date, and refuses.
        mvc.perform(post("/items/screen").with(signedIn.as("dept.health")).with(csrf())
                        .param("title", "流感疫苗接种宣传（临时测试）").param("route", "TEMPORARY")
                        .param("startDate", java.time.LocalDate.now().plusDays(3).toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.refused").value(true))
                .andExpect(jsonPath("$.findings[0].field").value("startDate"))
                .andExpect(jsonPath("$.findings[0].explanation", org.hamcrest.Matchers.containsString("一事一审")));
    }

    @Test
    void departmentsSeeOnlyTheirOwnItemsAndTheCommissionSeesAll() {
        Item fire = signedIn.call("dept.fire", () -> items.draft(item("消防安全（可见性测试）", "消防安全教育",
                "消防救援支队讲解火场逃生要领与家庭防火常识，学生现场体验。")));
        assertThatThrownBy(() -> signedIn.call("dept.police", () -> items.get(fire.id()))).isInstanceOf(NotFound.class);
        assertThat(signedIn.call("commission", () -> items.visibleItems())).extracting(Item::id)
                .as("an unsubmitted draft is the department's own").doesNotContain(fire.id());
        assertThatThrownBy(() -> signedIn.call("commission", () -> items.get(fire.id()))).isInstanceOf(NotFound.class);
        signedIn.call("dept.fire", () -> items.submit(fire.id(), fire.version()));
        assertThat(signedIn.call("commission", () -> items.visibleItems())).extracting(Item::id).contains(fire.id());
        assertThat(signedIn.call("dept.police", () -> items.visibleItems())).extracting(Item::id).doesNotContain(fire.id());
    }

    @Test
    void similarThemesAcrossDepartmentsAreShown() throws Exception {
        Item education = signedIn.call("dept.health", () -> items.draft(item("珍爱生命预防溺水专题讲座（测试）", "预防溺水",
                "卫健委联合学校开展防溺水专题讲座，讲解野外游泳危险与自救知识。")));
        signedIn.call("dept.health", () -> items.submit(education.id(), education.version()));
        Item police = signedIn.call("dept.police", () -> items.draft(item("防溺水安全教育进校园", "防溺水安全教育",
                "公安民警讲解防溺水“六不”要求与典型案例，提醒学生暑期注意水域安全。")));
        signedIn.call("dept.police", () -> items.submit(police.id(), police.version()));
        List<String> keys = signedIn.call("commission", () -> items.similarTo(police.id(), 5)).stream()
                .map(t -> t.key()).toList();
        assertThat(keys).contains("item:" + education.id());
        // a draft is the department's own business: nobody else finds it as a similar theme
        Item draft = signedIn.call("dept.justice", () -> items.draft(item("预防溺水安全教育宣讲（草稿）", "预防溺水",
                "司法所讲解防溺水法律责任与典型案例，提醒学生注意水域安全。")));
        assertThat(signedIn.call("commission", () -> items.similarTo(police.id(), 50)))
                .extracting(t -> t.key()).doesNotContain("item:" + draft.id());
        mvc.perform(get("/api/v1/items/{id}/similar", police.id()).with(httpBasic("commission", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].key", hasItem("item:" + education.id())));
        mvc.perform(get("/items/{id}", police.id()).with(signedIn.as("commission"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("（含本部门的）")))
                // each similar item names the department that owns it
                .andExpect(content().string(containsString("data-testid=\"similar-department\"")))
                .andExpect(content().string(containsString("区卫生健康委")))
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*相似度 \\d{1,3}%.*")));
    }

    @Test
    void theApiSubmitsAndRefusesIncompleteItems() throws Exception {
        mvc.perform(post("/api/v1/items").with(httpBasic("dept.justice", PASSWORD)).header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"宪法宣传（接口测试）\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"));
        long id = signedIn.call("dept.justice", () -> items.visibleItems()).stream()
                .filter(i -> i.title().equals("宪法宣传（接口测试）")).findFirst().orElseThrow().id();
        mvc.perform(post("/api/v1/items/{id}/submit", id).param("version", "0").with(httpBasic("dept.justice", PASSWORD))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("未填写完整")));
        mvc.perform(get("/api/v1/items").with(httpBasic("school.sentinel", PASSWORD))).andExpect(status().isForbidden());
    }

    @Test
    void pagesRenderForDepartmentAndCommission() throws Exception {
        Item item = signedIn.call("dept.fire", () -> items.draft(item("消防演练观摩（页面测试）", "消防安全教育",
                "组织学生观摩消防车辆装备，学习火场逃生与报警方法。")));
        mvc.perform(get("/items").with(signedIn.as("dept.fire"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("消防演练观摩（页面测试）")));
        mvc.perform(get("/items/new").with(signedIn.as("dept.fire"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("准入情形")));
        mvc.perform(get("/items/{id}", item.id()).with(signedIn.as("dept.fire"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"submit-item\"")));
        mvc.perform(get("/items/{id}/edit", item.id()).with(signedIn.as("dept.fire"))).andExpect(status().isOk());
        mvc.perform(get("/items/{id}", item.id()).with(signedIn.as("commission"))).andExpect(status().isNotFound());
        signedIn.call("dept.fire", () -> items.submit(item.id(), item.version()));
        mvc.perform(get("/items/{id}", item.id()).with(signedIn.as("commission"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("data-testid=\"submit-item\""))));
        mvc.perform(get("/items").with(signedIn.as("school.sentinel"))).andExpect(status().isForbidden());
    }

    @Test
    void limitsOfTheFormAreExplainedUnderTheFieldInTheUsersLanguage() throws Exception {
        int before = signedIn.call("dept.fire", () -> items.visibleItems()).size();
        mvc.perform(post("/items").with(signedIn.as("dept.fire")).with(csrf())
                        .param("title", "消".repeat(101)).param("classHours", "-3").param("teacherHours", "99999"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("最多 100 个字，请精简后再提交。")))
                .andExpect(content().string(containsString("不能小于 0。")))
                .andExpect(content().string(containsString("不能大于 2000。")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("个数必须"))));
        mvc.perform(post("/items").param("lang", "en").with(signedIn.as("dept.fire")).with(csrf())
                        .param("title", "消".repeat(101)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("At most 100 characters; please shorten it.")));
        assertThat(signedIn.call("dept.fire", () -> items.visibleItems())).hasSize(before);
    }
}
