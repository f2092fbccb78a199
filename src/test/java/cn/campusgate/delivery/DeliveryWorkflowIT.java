package cn.campusgate.delivery;

import java.time.LocalDate;
import java.util.List;

import cn.campusgate.CampusGateTest;
import cn.campusgate.ExpertOpinions;
import cn.campusgate.ListsInForce;
import cn.campusgate.SignedIn;
import cn.campusgate.approval.ApprovalWorkflowIT;
import cn.campusgate.approval.Approvals;
import cn.campusgate.approval.Decision;
import cn.campusgate.approval.Semester;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.NotFound;
import cn.campusgate.item.DeliveryMode;
import cn.campusgate.item.GraduatingClasses;
import cn.campusgate.item.IntegrationChannel;
import cn.campusgate.item.Item;
import cn.campusgate.item.ItemRoute;
import cn.campusgate.item.Items;
import cn.campusgate.organization.Organization;
import cn.campusgate.whitelist.WhitelistEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Plans filed for whitelist entries that really passed the chain, reviewed by the commission (narrowed, returned
 * and corrected, merged), each department and school seeing only its own, and the school's schedule. Works in
 * 2036 so that no other test's quota counts move.
 */
@CampusGateTest
public class DeliveryWorkflowIT {

    static final String SCHOOL = "合川区二郎镇中心小学";

    @Autowired Items items;
    @Autowired Approvals approvals;
    @Autowired ImplementationPlans plans;
    @Autowired SignedIn signedIn;
    @Autowired ExpertOpinions expertOpinions;
    @Autowired ListsInForce lists;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    /** An item of the department through the whole chain; its whitelist entry, as the department sees it. */
    public static WhitelistEntry entryThroughTheChain(SignedIn signedIn, Items items, Approvals approvals,
                                                      ExpertOpinions expertOpinions, ImplementationPlans plans,
                                                      ListsInForce lists, String department, String title,
                                                      String theme, LocalDate start) {
        Item draft = signedIn.call(department, () -> items.draft(ApprovalWorkflowIT.content(title, theme, ItemRoute.ANNUAL,
                start)));
        Item item = signedIn.call(department, () -> items.submit(draft.id(), draft.version()));
        expertOpinions.approve(item.id());
        for (String who : List.of("commission", "district", "municipal")) {
            long task = signedIn.call(who, () -> approvals.forItem(item.id())).orElseThrow().openTasks().findFirst()
                    .orElseThrow().id();
            signedIn.call(who, () -> approvals.decide(task, Decision.APPROVED, "同意", null));
        }
        // A plan is filed only for an entry in force (or of an approved list): the item's list is brought into force.
        lists.entryInForce(item.id());
        return signedIn.call(department, plans::plannableEntries).stream().filter(e -> e.itemId() == item.id())
                .findFirst().orElseThrow();
    }

    /** A plan of the entry for the given schools (the test school first among those the entry reaches). */
    public static PlanCommand plan(WhitelistEntry entry, List<Long> schools, LocalDate start, LocalDate end, int hours) {
        return new PlanCommand(entry.id(), start, end, schools, "四至六年级", GraduatingClasses.EXCLUDED, null, hours, 2,
                DeliveryMode.ON_CAMPUS, IntegrationChannel.CLASS_TEAM_MEETING,
                "指导员于班队会时间进班讲解，每班一课时；学校无需准备材料，不报送照片。", null);
    }

    public static List<Long> schools(SignedIn signedIn, ImplementationPlans plans, String department, WhitelistEntry entry,
                                     int count) {
        List<Organization> reached = signedIn.call(department, () -> plans.schoolsReachedBy(entry));
        Organization school = reached.stream().filter(s -> s.name().equals(SCHOOL)).findFirst().orElseThrow();
        List<Long> ids = new java.util.ArrayList<>(List.of(school.id()));
        reached.stream().filter(s -> s.id() != school.id()).limit(count - 1L).forEach(s -> ids.add(s.id()));
        return ids;
    }

    WhitelistEntry entry(String department, String title, String theme, LocalDate start) {
        return entryThroughTheChain(signedIn, items, approvals, expertOpinions, plans, lists, department, title, theme,
                start);
    }

    @Test
    void aPlanIsFiledReviewedNarrowedAndEntersTheSchoolsSchedule() throws Exception {
        WhitelistEntry entry = entry("dept.fire", "消防疏散演练（实施方案测试）", "消防疏散实施方案测试", LocalDate.of(2036, 3, 2));
        assertThat(entry.startsOn()).isEqualTo(LocalDate.of(2036, 3, 2));
        List<Long> schools = schools(signedIn, plans, "dept.fire", entry, 3);

        ImplementationPlan filed = signedIn.call("dept.fire", () -> plans.file(plan(entry, schools,
                LocalDate.of(2036, 3, 3), LocalDate.of(2036, 3, 13), 2)));
        assertThat(filed.status()).isEqualTo(PlanStatus.SUBMITTED);
        assertThat(filed.departmentName()).isEqualTo("区消防救援支队");

        // Scoped: another department does not see it, the commission does, and a school only once approved.
        assertThatThrownBy(() -> signedIn.call("dept.police", () -> plans.get(filed.id()))).isInstanceOf(NotFound.class);
        assertThat(signedIn.call("dept.police", plans::visible)).extracting(ImplementationPlan::id).doesNotContain(filed.id());
        assertThat(signedIn.call("commission", plans::visible)).extracting(ImplementationPlan::id).contains(filed.id());
        assertThatThrownBy(() -> signedIn.call("school.sentinel", () -> plans.get(filed.id()))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> signedIn.call("dept.fire", () -> plans.review(filed.id(), new PlanReview(
                PlanReview.Decision.APPROVE, null, null, null, null, null, null, filed.version()))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM notification n JOIN account a ON a.id = n.account_id "
                        + "WHERE a.username = 'commission' AND n.message_key = 'notice.plan.submitted' AND n.link = :link")
                .param("link", "/plans/" + filed.id()).query(Long.class).single()).isEqualTo(1);

        // The commission may not widen the plan; nothing changes when it tries.
        assertThatThrownBy(() -> signedIn.call("commission", () -> plans.review(filed.id(), new PlanReview(
                PlanReview.Decision.APPROVE, null, null, null, LocalDate.of(2036, 3, 20), null, null, filed.version()))))
                .hasMessage("delivery.review.widerDates");
        assertThat(signedIn.call("commission", () -> plans.get(filed.id())).status()).isEqualTo(PlanStatus.SUBMITTED);

        // Narrowed: one school fewer, a shorter period, one class hour.
        ImplementationPlan approved = signedIn.call("commission", () -> plans.review(filed.id(), new PlanReview(
                PlanReview.Decision.APPROVE, "压缩为一课时，集中在一周内完成。", schools.subList(0, 2), LocalDate.of(2036, 3, 4),
                LocalDate.of(2036, 3, 6), 1, null, filed.version())));
        assertThat(approved.status()).isEqualTo(PlanStatus.APPROVED);
        assertThat(approved.narrowed()).isTrue();
        assertThat(approved.schoolIds()).containsExactlyElementsOf(schools.subList(0, 2));
        assertThat(approved.askedSchoolIds()).containsExactlyElementsOf(schools);
        assertThat(approved.classHours()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE subject = :s ORDER BY seq").param("s", "plan:" + filed.id())
                .query(String.class).list()).containsExactly("delivery.plan-submitted", "delivery.plan-approved");

        // The school now reads it and finds it on its schedule; the dropped school does not.
        assertThat(signedIn.call("school.sentinel", () -> plans.get(filed.id())).id()).isEqualTo(filed.id());
        ImplementationPlans.Schedule schedule = signedIn.call("school.sentinel",
                () -> plans.schedule(schools.getFirst(), new Semester(2036, false)));
        assertThat(schedule.assessment().activities()).extracting(ScheduleRules.Activity::planId).contains(filed.id());
        assertThat(schedule.assessment().cap()).isEqualTo(6);
        assertThat(signedIn.call("commission", () -> plans.schedule(schools.get(2), new Semester(2036, false)))
                .plans()).doesNotContainKey(filed.id());
        assertThatThrownBy(() -> signedIn.call("school.sentinel", () -> plans.schedule(schools.get(1),
                new Semester(2036, false)))).as("a school reads only its own schedule").isInstanceOf(NotFound.class);

        // Pages: the approved plan offers no review; the schedule shows it.
        mvc.perform(get("/plans/" + filed.id()).with(signedIn.as("commission")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已压减")))
                .andExpect(content().string(not(containsString("data-testid=\"review-form\""))));
        mvc.perform(get("/schedule").param("year", "2036").param("autumn", "false").with(signedIn.as("school.sentinel")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("消防疏散演练（实施方案测试）")))
                .andExpect(content().string(containsString("2036年3月4日")));
    }

    @Test
    void aReturnedPlanIsCorrectedAndASimilarPlanOfAnotherDepartmentIsMergedIntoIt() {
        WhitelistEntry police = entry("dept.police", "防范电信诈骗讲座（合并测试）", "防范电信诈骗合并测试", LocalDate.of(2036, 4, 6));
        WhitelistEntry justice = entry("dept.justice", "反电诈法治课（合并测试）", "防范电信诈骗法治合并测试", LocalDate.of(2036, 4, 6));
        List<Long> schools = schools(signedIn, plans, "dept.police", police, 2);
        ImplementationPlan first = signedIn.call("dept.police", () -> plans.file(plan(police, schools,
                LocalDate.of(2036, 4, 7), LocalDate.of(2036, 4, 10), 1)));
        ImplementationPlan second = signedIn.call("dept.justice", () -> plans.file(plan(justice, schools,
                LocalDate.of(2036, 4, 8), LocalDate.of(2036, 4, 9), 1)));

        assertThatThrownBy(() -> signedIn.call("commission", () -> plans.review(first.id(), new PlanReview(
                PlanReview.Decision.RETURN, " ", null, null, null, null, null, first.version()))))
                .hasMessage("delivery.review.opinionRequired");
        ImplementationPlan returned = signedIn.call("commission", () -> plans.review(first.id(), new PlanReview(
                PlanReview.Decision.RETURN, "请写明每班时长。", null, null, null, null, null, first.version())));
        assertThat(returned.status()).isEqualTo(PlanStatus.RETURNED);
        ImplementationPlan corrected = signedIn.call("dept.police", () -> plans.resubmit(first.id(), returned.version(),
                plan(police, schools, LocalDate.of(2036, 4, 7), LocalDate.of(2036, 4, 8), 1)));
        assertThat(corrected.status()).isEqualTo(PlanStatus.SUBMITTED);
        assertThat(corrected.submissions()).isEqualTo(2);

        ImplementationPlan target = signedIn.call("commission", () -> plans.get(first.id()));
        assertThat(signedIn.call("commission", () -> plans.similarPlans(plans.get(second.id()))))
                .extracting(s -> s.plan().id()).contains(first.id());
        ImplementationPlan merged = signedIn.call("commission", () -> plans.review(second.id(), new PlanReview(
                PlanReview.Decision.MERGE, "与区公安局防范电信诈骗讲座合并，由两部门同场开展。", null, null, null, null,
                target.id(), second.version())));
        assertThat(merged.status()).isEqualTo(PlanStatus.MERGED);
        assertThat(merged.mergedIntoId()).isEqualTo(first.id());
        assertThat(signedIn.call("dept.justice", () -> plans.get(second.id())).status()).isEqualTo(PlanStatus.MERGED);
    }

    @Test
    void threePlansInTwoWeeksClusterOnTheSchoolsSchedule() {
        WhitelistEntry entry = entry("dept.health", "近视防控讲座（扎堆测试）", "近视防控扎堆测试", LocalDate.of(2036, 5, 4));
        List<Long> school = schools(signedIn, plans, "dept.health", entry, 1);
        for (LocalDate day : List.of(LocalDate.of(2036, 5, 5), LocalDate.of(2036, 5, 8), LocalDate.of(2036, 5, 12))) {
            signedIn.call("dept.health", () -> plans.file(plan(entry, school, day, day, 1)));
        }
        ScheduleRules.Assessment assessment = signedIn.call("commission",
                () -> plans.schedule(school.getFirst(), new Semester(2036, false))).assessment();
        assertThat(assessment.warnings()).anySatisfy(w -> {
            assertThat(w.kind()).isEqualTo(ScheduleRules.WarningKind.CLUSTER);
            assertThat(w.count()).isGreaterThanOrEqualTo(3);
            assertThat(w.from()).isEqualTo(LocalDate.of(2036, 5, 5));
        });
        assertThat(assessment.pending()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theNewPlanFormStartsFromTheItemAndGroupsTheSchoolsByTownAndStage() throws Exception {
        WhitelistEntry entry = entry("dept.justice", "民法典进校园（方案表单测试）", "民法典方案表单测试", LocalDate.of(2036, 10, 12));
        String page = mvc.perform(get("/plans/new").param("entry", String.valueOf(entry.id()))
                        .with(signedIn.as("dept.justice")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // The item's channel and grades are the plan's starting point.
        assertThat(page).contains("<option value=\"CLASS_TEAM_MEETING\" selected=\"selected\"")
                .contains("value=\"四至六年级\"");
        // Schools by town, then stage, each group with its own select box; a search box and select-all; the
        // behaviour in a static script (no inline script or handler under the CSP).
        assertThat(page).contains("data-school-search", "data-school-all", "data-school-group-toggle",
                "二郎镇（", "/js/school-picks").doesNotContain("onclick=", "onchange=");
        assertThat(page.indexOf("合川区二郎镇中心小学")).isGreaterThan(page.indexOf("二郎镇（"));
    }

    @Test
    void aLatePlanIsRefusedOnThePageWithTheRuleAndNothingIsKept() throws Exception {
        WhitelistEntry entry = entry("dept.justice", "宪法宣传周法治课（报送期限测试）", "宪法宣传期限测试", LocalDate.of(2036, 9, 7));
        long before = jdbc.sql("SELECT count(*) FROM implementation_plan").query(Long.class).single();
        LocalDate soon = LocalDate.now().plusDays(10);
        mvc.perform(post("/plans").with(csrf()).with(signedIn.as("dept.justice"))
                        .param("whitelistEntryId", String.valueOf(entry.id()))
                        .param("startsOn", soon.toString()).param("endsOn", soon.toString())
                        .param("schoolIds", String.valueOf(schools(signedIn, plans, "dept.justice", entry, 1).getFirst()))
                        .param("grades", "五年级").param("graduatingClasses", "EXCLUDED").param("classHours", "1")
                        .param("teachersInvolved", "1").param("deliveryMode", "ON_CAMPUS")
                        .param("integrationChannel", "SUBJECT_TEACHING").param("arrangement", "道德与法治课上讲解。"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("报送过晚，不予受理")))
                .andExpect(content().string(containsString("在活动开展前1个月报区教委审核把关")));
        assertThat(jdbc.sql("SELECT count(*) FROM implementation_plan").query(Long.class).single()).isEqualTo(before);
        assertThatThrownBy(() -> signedIn.call("dept.fire", () -> plans.plannableEntry(entry.id())))
                .as("another department cannot plan the entry").isInstanceOf(BusinessRuleViolation.class);
    }
}
