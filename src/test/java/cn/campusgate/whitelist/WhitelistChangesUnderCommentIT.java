package cn.campusgate.whitelist;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import cn.campusgate.ApprovedItems;
import cn.campusgate.CampusGateTest;
import cn.campusgate.ListsInForce;
import cn.campusgate.SignedIn;
import cn.campusgate.approval.Decision;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.IdentitySeal;
import cn.campusgate.delivery.DeliveryWorkflowIT;
import cn.campusgate.delivery.ImplementationPlan;
import cn.campusgate.delivery.ImplementationPlans;
import cn.campusgate.delivery.PlanReview;
import cn.campusgate.delivery.PlanStatus;
import cn.campusgate.item.Item;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 18 (4, 5): the lifecycle holes and the objectors' protection. An item that joins a list under comment
 * restarts its 公示, publicly; one that joins an approved list is held for an amendment after publication; a plan is
 * filed and approved only for an entry in force (or of an approved list). Objectors' names and contacts are sealed,
 * opened by the commission only (audited), and kept out of the published objection and answer. Works in 2039 and
 * 2040 so that no other test's lists or quota counts move.
 */
@CampusGateTest
class WhitelistChangesUnderCommentIT {

    private static final int YEAR = 2039;

    @Autowired Whitelists whitelists;
    @Autowired ImplementationPlans plans;
    @Autowired SignedIn signedIn;
    @Autowired ApprovedItems approvedItems;
    @Autowired ListsInForce lists;
    @Autowired IdentitySeal seal;
    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    Whitelist list(long id) {
        return signedIn.call("commission", () -> whitelists.get(id));
    }

    WhitelistEntry entryOf(Whitelist list, Item item) {
        return signedIn.call("commission", () -> whitelists.entries(list, true)).stream()
                .filter(e -> e.itemId() == item.id()).findFirst().orElseThrow();
    }

    @Test
    void aListChangedUnderCommentStartsItsCommentAgainAnApprovedOneTakesTheItemAsAnAmendmentAndPlansWait()
            throws Exception {
        Item first = approvedItems.throughTheChain("dept.fire", "消防疏散演练（公示变动测试）", "消防疏散公示变动测试", LocalDate.of(YEAR, 4, 6));
        Whitelist draft = lists.listOf(first.id());
        Whitelist opened = signedIn.call("commission", () -> whitelists.startCommentPeriod(draft.id(), draft.version(), 10));
        assertThat(opened.commentDays()).isEqualTo(10);
        assertThat(opened.commentRestartedOn()).isNull();
        // Four days of the ten have passed.
        jdbc.sql("UPDATE whitelist SET comment_starts_on = comment_starts_on - 4, comment_ends_on = comment_ends_on - 4"
                + " WHERE id = :id").param("id", draft.id()).update();

        // A plan waits for the approval: not offered, and refused with the reason when asked for all the same.
        WhitelistEntry firstEntry = entryOf(opened, first);
        assertThat(signedIn.call("dept.fire", plans::plannableEntries)).extracting(WhitelistEntry::id)
                .doesNotContain(firstEntry.id());
        List<Long> schools = DeliveryWorkflowIT.schools(signedIn, plans, "dept.fire", firstEntry, 2);
        assertThatThrownBy(() -> signedIn.call("dept.fire", () -> plans.file(DeliveryWorkflowIT.plan(firstEntry, schools,
                LocalDate.of(YEAR, 4, 7), LocalDate.of(YEAR, 4, 9), 1))))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.messageKey()).isEqualTo("delivery.plan.entryNotInForce"));
        mvc.perform(get("/plans/new").param("entry", String.valueOf(firstEntry.id())).with(signedIn.as("dept.fire")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("尚未审核批准")));

        // Another item passes the chain meanwhile: it joins the list, and the 公示 starts again for ten days.
        Item second = approvedItems.throughTheChain("dept.fire", "灭火器使用体验（公示变动测试）", "灭火器体验公示变动测试",
                LocalDate.of(YEAR, 5, 11));
        Whitelist restarted = list(draft.id());
        LocalDate today = LocalDate.now();
        assertThat(restarted.status()).isEqualTo(WhitelistStatus.COMMENT_PERIOD);
        assertThat(restarted.commentStartsOn()).isEqualTo(today);
        assertThat(restarted.commentEndsOn()).isEqualTo(today.plusDays(9));
        assertThat(restarted.commentRestartedOn()).isEqualTo(today);
        assertThat(whitelists.changes(restarted, false)).as("public: a status line names the item and the new end")
                .anySatisfy(c -> {
                    assertThat(c.kind()).isEqualTo(WhitelistChange.Kind.STATUS);
                    assertThat(c.reason()).contains("灭火器使用体验（公示变动测试）",
                            java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日").format(today.plusDays(9)));
                });
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'whitelist.comment-period-restarted'"
                + " AND subject = :s").param("s", "whitelist:" + draft.id()).query(Long.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> signedIn.call("district", () -> whitelists.approve(draft.id(), restarted.version(), "同意")))
                .hasMessage("whitelist.commentPeriodRunning");
        String commentPage = mvc.perform(get("/public/whitelist/{id}/comment", draft.id())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(commentPage).contains("灭火器使用体验（公示变动测试）", "公示期已于", "重新计算 10 天", "公示记录");

        // The period ends; the leadership group approves. Entries of the approved list may be planned now.
        lists.endCommentPeriod(draft.id());
        Whitelist approved = signedIn.call("district", () -> whitelists.approve(draft.id(), list(draft.id()).version(),
                "同意发布。"));
        assertThat(approved.status()).isEqualTo(WhitelistStatus.APPROVED);
        assertThat(signedIn.call("dept.fire", plans::plannableEntries)).extracting(WhitelistEntry::itemId)
                .contains(first.id(), second.id());
        ImplementationPlan filed = signedIn.call("dept.fire", () -> plans.file(DeliveryWorkflowIT.plan(firstEntry,
                schools, LocalDate.of(YEAR, 4, 7), LocalDate.of(YEAR, 4, 9), 1)));
        assertThat(filed.status()).isEqualTo(PlanStatus.SUBMITTED);

        // A third item passes the chain after the approval: not part of what was approved, held, not plannable.
        Item third = approvedItems.throughTheChain("dept.fire", "消防站开放日（公示变动测试）", "消防站开放日公示变动测试",
                LocalDate.of(YEAR, 6, 1));
        assertThat(list(draft.id()).status()).isEqualTo(WhitelistStatus.APPROVED);
        assertThat(signedIn.call("dept.fire", plans::plannableEntries)).extracting(WhitelistEntry::itemId)
                .doesNotContain(third.id());
        Whitelist published = signedIn.call("commission", () -> whitelists.publish(draft.id(), list(draft.id()).version(),
                "合教发〔2039〕1号", LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 12, 31)));
        assertThat(published.publishedVersion()).as("version 1 as approved, version 2 adds the held item").isEqualTo(2);
        assertThat(whitelists.version(published, 1).entries()).extracting(WhitelistEntry::itemId)
                .containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(whitelists.version(published, 2).entries()).extracting(WhitelistEntry::itemId)
                .containsExactlyInAnyOrder(first.id(), second.id(), third.id());
        assertThat(whitelists.changes(published, false)).anySatisfy(c -> {
            assertThat(c.kind()).isEqualTo(WhitelistChange.Kind.ADDED);
            assertThat(c.entryTitle()).isEqualTo("消防站开放日（公示变动测试）");
            assertThat(c.versionNumber()).isEqualTo(2);
        });
        assertThat(signedIn.call("dept.fire", plans::plannableEntries)).extracting(WhitelistEntry::itemId)
                .contains(third.id());

        // The commission approves the plan only while its entry stands: removed from the list, it is refused.
        Whitelist inForce = list(draft.id());
        signedIn.call("commission", () -> whitelists.remove(firstEntry.id(), inForce.version(), "开展方式调整。",
                "区委教育工作领导小组2039年第1次会议决定", null));
        assertThatThrownBy(() -> signedIn.call("commission", () -> plans.review(filed.id(), new PlanReview(
                PlanReview.Decision.APPROVE, null, null, null, null, null, null, filed.version()))))
                .hasMessage("delivery.plan.entryRemoved");
        assertThat(signedIn.call("commission", () -> plans.get(filed.id())).status()).isEqualTo(PlanStatus.SUBMITTED);
    }

    @Test
    void objectorsAreSealedSeenByTheCommissionOnlyAndNeverInWhatIsPublished() throws Exception {
        Item item = approvedItems.throughTheChain("dept.police", "交通安全进校园（异议人保护测试）", "交通安全异议人保护测试",
                LocalDate.of(YEAR + 1, 9, 7));
        Whitelist draft = lists.listOf(item.id());
        signedIn.call("commission", () -> whitelists.startCommentPeriod(draft.id(), list(draft.id()).version(), 7));
        String digits = String.valueOf(System.nanoTime() % 100_000_000L);
        digits = "0".repeat(8 - digits.length()) + digits;
        String name = "钱异议" + digits.substring(5);
        String phone = "136" + digits;

        // The objection's text is published: a phone number in it is refused on the page, and nothing is stored.
        long before = jdbc.sql("SELECT count(*) FROM whitelist_objection").query(Long.class).single();
        mvc.perform(post("/public/whitelist/{id}/objections", draft.id()).with(csrf())
                        .param("text", "讲座与期中考试冲突，请回电 " + phone.substring(0, 3) + " " + phone.substring(3))
                        .param("name", name).param("contact", phone))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("请勿在其中填写姓名、电话")));
        assertThat(jdbc.sql("SELECT count(*) FROM whitelist_objection").query(Long.class).single()).isEqualTo(before);
        mvc.perform(post("/public/whitelist/{id}/objections", draft.id()).with(csrf())
                        .param("text", "讲座安排在期中考试前一周，学生复习时间不足。").param("name", name).param("contact", phone))
                .andExpect(status().is3xxRedirection());
        long objection = jdbc.sql("SELECT max(id) FROM whitelist_objection WHERE whitelist_id = :w")
                .param("w", draft.id()).query(Long.class).single();

        // Sealed in the database: no column of the table holds the name or the phone.
        byte[] sealed = jdbc.sql("SELECT sealed_identity FROM whitelist_objection WHERE id = :id").param("id", objection)
                .query(byte[].class).single();
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(phone);
        assertThat(new String(sealed, StandardCharsets.UTF_8)).doesNotContain(name);
        assertThat(seal.open(sealed)).isEqualTo(new IdentitySeal.Identity(name, phone));
        assertThat(jdbc.sql("SELECT count(*) FROM whitelist_objection WHERE row_to_json(whitelist_objection.*)::text"
                + " LIKE :p").param("p", "%" + phone + "%").query(Long.class).single()).isZero();

        // The leadership group and supervisors read the objection, not who filed it; only the commission opens it.
        for (String reader : List.of("district", "supervisor")) {
            String page = mvc.perform(get("/whitelists/{id}", draft.id()).with(signedIn.as(reader)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("学生复习时间不足", "仅区教委可查看").doesNotContain(name).doesNotContain(phone);
            mvc.perform(get("/whitelists/{id}/objections/{o}/identity", draft.id(), objection).with(signedIn.as(reader)))
                    .andExpect(status().isForbidden());
        }
        assertThat(reads(objection)).isZero();
        String commissionPage = mvc.perform(get("/whitelists/{id}", draft.id()).with(signedIn.as("commission")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(commissionPage).contains("查看异议人身份").doesNotContain(name).doesNotContain(phone);
        String identity = mvc.perform(get("/whitelists/{id}/objections/{o}/identity", draft.id(), objection)
                        .with(signedIn.as("commission")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(identity).contains(name, phone);
        assertThat(reads(objection)).isEqualTo(1);

        // The answer is published: it may not name the objector, in any written form.
        for (String answer : List.of(name + "您好，已调整讲座时间。", "已电话（" + phone.substring(0, 3) + "-" + phone.substring(3)
                + "）告知，讲座调整到考试后。")) {
            mvc.perform(post("/whitelists/{id}/objections/{o}", draft.id(), objection).with(csrf())
                            .with(signedIn.as("commission")).param("answer", answer))
                    .andExpect(flash().attribute("problem", Matchers.containsString("“答复”中含有异议人的姓名或联系方式")));
        }
        assertThat(signedIn.call("commission", () -> whitelists.objections(draft.id()))).filteredOn(o -> o.id() == objection)
                .singleElement().satisfies(o -> assertThat(o.answered()).isFalse());
        signedIn.call("commission", () -> whitelists.answerObjection(objection, "讲座已调整到期中考试后开展。", false));

        // 区教委将逐条答复: the answer is on the public comment page at once, without the objector.
        String publicPage = mvc.perform(get("/public/whitelist/{id}/comment", draft.id())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(publicPage).contains("讲座已调整到期中考试后开展。", "学生复习时间不足").doesNotContain(name)
                .doesNotContain(phone);
    }

    /** The Flyway callback that sealed the identities stored in plain text before V70, on a copy of those columns. */
    @Test
    void identitiesStoredInPlainTextBeforeAreSealedByTheMigration() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("ALTER TABLE whitelist_objection ADD COLUMN name VARCHAR(60), ADD COLUMN contact VARCHAR(100)");
                statement.execute("INSERT INTO whitelist_objection (whitelist_id, name, contact, text, submitted_at)"
                        + " SELECT min(id), '孙旧名', '13911112222', '旧的异议', now() FROM whitelist");
                int sealedRows = new ObjectorIdentitySealing(seal).sealAll(connection);
                assertThat(sealedRows).isEqualTo(1);
                try (var rows = statement.executeQuery(
                        "SELECT sealed_identity FROM whitelist_objection WHERE text = '旧的异议'")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(seal.open(rows.getBytes(1))).isEqualTo(new IdentitySeal.Identity("孙旧名", "13911112222"));
                }
                assertThat(new ObjectorIdentitySealing(seal).sealAll(connection)).as("once only").isZero();
            } finally {
                connection.rollback();
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM information_schema.columns WHERE table_name = 'whitelist_objection'"
                + " AND column_name IN ('name', 'contact')").query(Long.class).single()).as("V71 dropped them").isZero();
    }

    private long reads(long objection) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'whitelist.objector-identity-read'"
                + " AND details::text LIKE :o").param("o", "%" + objection + "%").query(Long.class).single();
    }
}
