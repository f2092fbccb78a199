package cn.campusgate.supervision;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import cn.campusgate.CampusGateTest;
import cn.campusgate.ExpertOpinions;
import cn.campusgate.SignedIn;
import cn.campusgate.approval.ApprovalWorkflowIT;
import cn.campusgate.approval.Approvals;
import cn.campusgate.approval.Decision;
import cn.campusgate.audit.AuditTrail;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.NotFound;
import cn.campusgate.item.Item;
import cn.campusgate.item.ItemRoute;
import cn.campusgate.item.Items;
import cn.campusgate.organization.Organization;
import cn.campusgate.organization.OrganizationKind;
import cn.campusgate.organization.Organizations;
import cn.campusgate.whitelist.WhitelistEntry;
import cn.campusgate.whitelist.Whitelists;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The closed loop on the real database: filing without an account, grouping, following by receipt code,
 * verification, measures answered by the body concerned, removal through the whitelist's change process,
 * exposure, extensions, overdue escalation and the cards; and the identity sealed in the table.
 */
@CampusGateTest
class SupervisionWorkflowIT {

    @Autowired Complaints complaints;
    @Autowired Cases cases;
    @Autowired Exposures exposures;
    @Autowired OverdueCases overdueCases;
    @Autowired NoticeReport report;
    @Autowired Organizations organizations;
    @Autowired SignedIn signedIn;
    @Autowired JdbcClient jdbc;
    @Autowired AuditTrail audit;
    @Autowired Items items;
    @Autowired Approvals approvals;
    @Autowired Whitelists whitelists;
    @Autowired ExpertOpinions expertOpinions;

    long school(String name) {
        return organizations.ofKind(OrganizationKind.SCHOOL).stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow().id();
    }

    long body(String name) {
        return organizations.ofKind(OrganizationKind.DEPARTMENT).stream().filter(o -> o.name().equals(name))
                .map(Organization::id).findFirst()
                .orElseGet(() -> organizations.towns().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow().id());
    }

    ComplaintCommand command(String school, String body, String text, String name, String contact) {
        return new ComplaintCommand(ComplaintCategory.FINGERTIP_FORMALISM, school(school), body == null ? null : body(body),
                "防溺水安全打卡", LocalDate.now().minusDays(2), text, name, contact);
    }

    /**
     * The reply of 不予受理 or 办结 goes to every complainant of the case: naming one tells the others who complained
     * (issue 18, point 4). With a single complainant the reply may address them by name.
     */
    @Test
    void aReplyToEveryComplainantOfAGroupedCaseNamesNoneOfThem() {
        String suffix = String.valueOf(10000000 + (System.nanoTime() % 89999999));
        String name = "钱回复" + suffix.substring(6);
        Complaints.Filed first = complaints.fileOnline(command("合川区龙市镇中心小学", "区公安局",
                "派出所要求每位老师每天转发反诈宣传并截图上报到工作群，周末也要发。", name, "138" + suffix), List.of());
        Complaints.Filed second = complaints.fileOnline(command("合川区龙市镇中心小学", "区公安局",
                "学校老师每天晚上都要转发反诈文章并截图，很占时间。", null, null), List.of());
        assertThat(second.caseId()).as("grouped").isEqualTo(first.caseId());
        long id = first.caseId();
        signedIn.call("supervisor", () -> cases.accept(id, cases.get(id).version()));
        signedIn.call("supervisor", () -> cases.verify(id, cases.get(id).version(), CaseOutcome.NOT_SUBSTANTIATED,
                "经核查，派出所仅建议自愿转发，未要求截图上报。"));
        int version = signedIn.call("supervisor", () -> cases.get(id).version());
        assertThatThrownBy(() -> signedIn.call("supervisor", () -> cases.close(id, version,
                name + "您好，经核查，派出所仅建议自愿转发。")))
                .isInstanceOfSatisfying(cn.campusgate.core.BusinessRuleViolation.class,
                        e -> assertThat(e.messageKey()).isEqualTo("supervision.text.complainantIdentity"));
        assertThat(signedIn.call("supervisor", () -> cases.get(id)).status()).isEqualTo(CaseStatus.FOLLOW_UP);
        signedIn.call("supervisor", () -> cases.close(id, version, "您好，经核查，派出所仅建议自愿转发，未要求截图上报。"));
        assertThat(signedIn.call("supervisor", () -> cases.get(id)).status()).isEqualTo(CaseStatus.CLOSED);

        // One complainant alone reads the reply: it may greet them by name.
        Complaints.Filed alone = complaints.fileOnline(command("合川区龙市镇中心小学", "区卫生健康委",
                "卫生院要求老师每天在小程序上报学生体温截图，已经持续一个月。", name, "138" + suffix), List.of());
        long single = alone.caseId();
        signedIn.call("supervisor", () -> cases.refuse(single, cases.get(single).version(),
                name + "您好，该事项已由区卫生健康委另案处理，本案不予受理。"));
        assertThat(signedIn.call("supervisor", () -> cases.get(single)).status()).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void aComplaintGoesRoundTheClosedLoopAndTheComplainantFollowsItByReceiptCode() {
        String contact = "139" + (10000000 + (System.nanoTime() % 89999999));
        Complaints.Filed filed = complaints.fileOnline(command("合川区太和镇中心小学", "区司法局",
                "区司法局要求每位老师每天在工作群里打卡学习普法答题，并截图上报，周末也不例外。", "赵红梅", contact), List.of());
        assertThat(filed.receiptCode().value()).hasSizeGreaterThanOrEqualTo(16);
        SupervisionCase opened = signedIn.call("supervisor", () -> cases.get(filed.caseId()));
        assertThat(opened.status()).isEqualTo(CaseStatus.RECEIVED);

        // A related complaint about the same school and body in the same period joins the case.
        Complaints.Filed second = complaints.fileOnline(command("合川区太和镇中心小学", "区司法局",
                "普法答题要求家长也参加，老师要统计全班参与率并每天报送。", null, null), List.of());
        assertThat(second.caseId()).isEqualTo(filed.caseId());
        assertThat(signedIn.call("supervisor", () -> cases.get(filed.caseId())).weight()).isEqualTo(2);

        // The complainant follows with the receipt code (typed loosely) and writes.
        String typed = filed.receiptCode().display().toLowerCase().replace("-", " ");
        assertThat(complaints.follow(typed).status()).isEqualTo(CaseStatus.RECEIVED);
        complaints.write(typed, "补充：答题链接每天晚上九点后还在群里催。");
        assertThatThrownBy(() -> complaints.follow("ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ")).isInstanceOf(NotFound.class);

        // Supervision takes it up, verifies, issues a supervision order; the department responds.
        SupervisionCase k = signedIn.call("supervisor", () -> cases.accept(filed.caseId(),
                cases.get(filed.caseId()).version()));
        k = signedIn.call("supervisor", () -> cases.verify(filed.caseId(), cases.get(filed.caseId()).version(),
                CaseOutcome.SUBSTANTIATED, "经核查，区司法局通过工作群要求该校教师每日打卡答题并截图报送，属实。"));
        assertThat(k.status()).isEqualTo(CaseStatus.HANDLING);
        SanctionKind suggested = signedIn.call("supervisor", () -> cases.suggestedFor(body("区司法局")));
        Sanction order = signedIn.call("supervisor", () -> cases.issue(filed.caseId(), cases.get(filed.caseId()).version(),
                suggested, body("区司法局"), "行动方案三、整治重点（三）", "请立即停止要求教师打卡答题，5 个工作日内书面回复。", 5, null));
        assertThat(signedIn.call("dept.justice", () -> cases.addressedToMe())).anySatisfy(a -> {
            assertThat(a.sanction().id()).isEqualTo(order.id());
            assertThat(a.findings()).contains("每日打卡答题");
        });
        assertThatThrownBy(() -> signedIn.call("dept.fire", () -> cases.respond(order.id(), "不是我们")))
                .isInstanceOf(NotFound.class);
        signedIn.call("dept.justice", () -> cases.respond(order.id(), "已撤回打卡答题要求，并在全系统通报纠正。"));

        // An exposure, refused while it names a teacher, then published redacted.
        Sanction exposure = signedIn.call("supervisor", () -> cases.issue(filed.caseId(), cases.get(filed.caseId()).version(),
                SanctionKind.EXPOSURE, body("区司法局"), "行动方案三（三）、五（五）", "拟公开曝光。", 5, null));
        assertThatThrownBy(() -> signedIn.call("supervisor", () -> cases.publishExposure(filed.caseId(),
                cases.get(filed.caseId()).version(), exposure.id(), "区司法局要求王老师每日打卡。")))
                .extracting(e -> ((BusinessRuleViolation) e).messageKey()).isEqualTo("supervision.exposure.teacherNamed");
        assertThatThrownBy(() -> signedIn.call("supervisor", () -> cases.publishExposure(filed.caseId(),
                cases.get(filed.caseId()).version(), exposure.id(), "经赵红梅反映，区司法局要求教师打卡。")))
                .extracting(e -> ((BusinessRuleViolation) e).messageKey()).isEqualTo("supervision.exposure.complainantNamed");
        signedIn.call("supervisor", () -> cases.publishExposure(filed.caseId(), cases.get(filed.caseId()).version(),
                exposure.id(), "区司法局通过工作群要求学校教师每日打卡答题并截图报送，属“指尖上的形式主义”，已责令整改。"));
        assertThat(exposures.published()).anySatisfy(e -> {
            assertThat(e.bodyName()).isEqualTo("区司法局");
            assertThat(e.summary()).doesNotContain("赵红梅").doesNotContain(contact).doesNotContain("太和镇中心小学");
        });

        // Handling concluded; the follow-up; closed with the reply every complainant reads.
        signedIn.call("supervisor", () -> cases.concludeHandling(filed.caseId(), cases.get(filed.caseId()).version(), null));
        signedIn.run("supervisor", () -> complaints.answer(complaints.follow(filed.receiptCode().value()).complaint().id(),
                "您反映的问题已查实并督促整改，请问学校现在还有打卡要求吗？"));
        complaints.write(filed.receiptCode().value(), "已经没有了，谢谢。");
        SupervisionCase closed = signedIn.call("supervisor", () -> cases.close(filed.caseId(),
                cases.get(filed.caseId()).version(), "经核查属实，已责令区司法局停止打卡答题要求并公开曝光，感谢您的监督。"));
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        Complaints.FollowUp afterwards = complaints.follow(second.receiptCode().display());
        assertThat(afterwards.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(afterwards.outcome()).isEqualTo(CaseOutcome.SUBSTANTIATED);
        assertThat(afterwards.messages()).extracting(ComplaintMessage::body).anyMatch(b -> b.contains("感谢您的监督"));
        assertThat(complaints.follow(filed.receiptCode().value()).messages()).extracting(ComplaintMessage::direction)
                .containsExactly(ComplaintMessage.Direction.FROM_COMPLAINANT, ComplaintMessage.Direction.TO_COMPLAINANT,
                        ComplaintMessage.Direction.FROM_COMPLAINANT, ComplaintMessage.Direction.TO_COMPLAINANT);
        assertThatThrownBy(() -> complaints.write(filed.receiptCode().value(), "还有一事"))
                .extracting(e -> ((BusinessRuleViolation) e).messageKey()).isEqualTo("supervision.message.closed");

        // The trace holds every step; the audit chain is intact and carries no identity.
        assertThat(signedIn.call("supervisor", () -> cases.trace(filed.caseId()))).extracting(TraceEntry::kind)
                .contains(TraceEntry.Kind.OPENED, TraceEntry.Kind.GROUPED, TraceEntry.Kind.MOVED,
                        TraceEntry.Kind.SANCTION_ISSUED, TraceEntry.Kind.SANCTION_ANSWERED,
                        TraceEntry.Kind.EXPOSURE_PUBLISHED, TraceEntry.Kind.REPLIED, TraceEntry.Kind.CLOSED);
        assertThat(audit.verify().valid()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE CAST(details AS text) LIKE :n OR CAST(details AS text) LIKE :c")
                .param("n", "%赵红梅%").param("c", "%" + contact + "%").query(Long.class).single()).isZero();

        // The report ranks the department by its verified violation and measures.
        NoticeReport.Report r = signedIn.call("supervisor", () -> report.of(LocalDate.now().minusDays(1), LocalDate.now()));
        assertThat(r.departments()).anySatisfy(line -> {
            assertThat(line.bodyName()).isEqualTo("区司法局");
            assertThat(line.substantiated()).isGreaterThanOrEqualTo(1);
            assertThat(line.sanctions()).isGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void theIdentityIsSealedInTheTableAndOpenedOnlyForSupervisorsWithAnAuditEntry() {
        String name = "钱晓燕";
        String contact = "parent." + System.nanoTime() + "@example.cn";
        Complaints.Filed filed = complaints.fileOnline(command("合川区二郎镇中心小学", "区卫生健康委",
                "卫健委要求老师在家长群里动员家长下载健康应用并截图回传，未完成的班级被点名。", name, contact), List.of());

        byte[] sealed = jdbc.sql("SELECT identity_sealed FROM complaint WHERE id = :id").param("id", filed.complaintId())
                .query((rs, n) -> rs.getBytes(1)).single();
        assertThat(new String(sealed, StandardCharsets.UTF_8)).doesNotContain(name).doesNotContain(contact);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("example.cn");
        String wholeRow = jdbc.sql("SELECT CAST(row_to_json(c) AS text) FROM complaint c WHERE id = :id")
                .param("id", filed.complaintId()).query(String.class).single();
        assertThat(wholeRow).doesNotContain(name).doesNotContain(contact).doesNotContain("example");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM information_schema.columns WHERE table_name IN
                  ('complaint', 'complaint_message', 'complaint_evidence', 'supervision_case')
                  AND column_name ~ '(^|_)(ip|addr|address|host|agent)(_|$)'""")
                .query(Long.class).single()).as("no network address stored with complaints").isZero();

        assertThat(signedIn.call("supervisor", () -> complaints.identity(filed.complaintId())))
                .isEqualTo(new ComplainantIdentity(name, contact));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'supervision.identity-read' AND subject = :s")
                .param("s", "complaint:" + filed.complaintId()).query(Long.class).single()).isEqualTo(1);
        for (String other : List.of("dept.health", "commission", "town.erlang", "school.sentinel", "admin")) {
            assertThatThrownBy(() -> signedIn.call(other, () -> complaints.identity(filed.complaintId())))
                    .as(other).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> signedIn.call(other, () -> complaints.ofCase(filed.caseId())))
                    .as(other).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE CAST(args AS text) LIKE :n OR CAST(args AS text) LIKE :c")
                .param("n", "%" + name + "%").param("c", "%" + contact + "%").query(Long.class).single()).isZero();
    }

    @Test
    void aRemovalMeasureIsCarriedOutByTheCommissionThroughTheWhitelistChangeProcess() {
        Item draft = signedIn.call("dept.fire", () -> items.draft(ApprovalWorkflowIT.content("消防演练进校园（督导测试）",
                "消防演练督导测试", ItemRoute.ANNUAL, LocalDate.of(2035, 4, 10))));
        Item item = signedIn.call("dept.fire", () -> items.submit(draft.id(), draft.version()));
        expertOpinions.approve(item.id());
        for (String who : List.of("commission", "district", "municipal")) {
            long task = signedIn.call(who, () -> approvals.forItem(item.id())).orElseThrow().openTasks().findFirst()
                    .orElseThrow().id();
            signedIn.call(who, () -> approvals.decide(task, Decision.APPROVED, "同意", null));
        }
        Complaints.Filed filed = complaints.fileOnline(command("合川区二郎镇中心小学", "区消防救援支队",
                "消防演练要求全校停课半天，老师须拍照写简报，一学期已经来了三次。", null, null), List.of());
        signedIn.call("supervisor", () -> cases.accept(filed.caseId(), cases.get(filed.caseId()).version()));
        signedIn.call("supervisor", () -> cases.verify(filed.caseId(), cases.get(filed.caseId()).version(),
                CaseOutcome.SUBSTANTIATED, "一学期三次停课演练，并要求拍照写简报，属实。"));
        Cases.EntryChoice entry = signedIn.call("supervisor", () -> cases.entriesOf(body("区消防救援支队"))).stream()
                .filter(e -> e.title().equals("消防演练进校园（督导测试）")).findFirst().orElseThrow();
        Sanction removal = signedIn.call("supervisor", () -> cases.issue(filed.caseId(), cases.get(filed.caseId()).version(),
                SanctionKind.WHITELIST_REMOVAL, body("区消防救援支队"), "行动方案四（四）：师生负面反映强烈的事项调整出白名单",
                "经核查，该事项开展方式加重教师负担，决定调整出白名单。", 10, entry.entryId()));
        assertThatThrownBy(() -> signedIn.call("supervisor", () -> cases.concludeHandling(filed.caseId(),
                cases.get(filed.caseId()).version(), null)))
                .extracting(e -> ((BusinessRuleViolation) e).messageKey()).isEqualTo("supervision.handling.removalPending");
        assertThatThrownBy(() -> signedIn.call("supervisor", () -> cases.carryOutRemoval(removal.id(), null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(signedIn.call("commission", () -> cases.removalsAwaiting())).anySatisfy(r ->
                assertThat(r.sanction().id()).isEqualTo(removal.id()));

        signedIn.call("commission", () -> cases.carryOutRemoval(removal.id(), null));

        WhitelistEntry removed = signedIn.call("commission", () -> whitelists.entries(whitelists.get(entry.whitelistId()), true))
                .stream().filter(e -> e.id() == entry.entryId()).findFirst().orElseThrow();
        assertThat(removed.removed()).isTrue();
        assertThat(removed.removalReason()).contains("调整出白名单");
        assertThat(signedIn.call("commission", () -> whitelists.changes(whitelists.get(entry.whitelistId()), true)))
                .anySatisfy(c -> assertThat(c.decision()).contains(filed.caseNumber()));
        assertThat(signedIn.call("commission", () -> cases.removalsAwaiting())).noneMatch(r -> r.sanction().id() == removal.id());
        signedIn.call("supervisor", () -> cases.concludeHandling(filed.caseId(), cases.get(filed.caseId()).version(), null));
        assertThat(signedIn.call("supervisor", () -> cases.get(filed.caseId())).status()).isEqualTo(CaseStatus.FOLLOW_UP);
    }

    @Test
    void anOverdueCaseEscalatesAndAnExtensionIsDecidedBySomeoneElse() {
        Complaints.Filed filed = complaints.fileOnline(command("合川区南津街街道第一小学", "南津街街道",
                "街道要求学校组织老师周末到社区参加创文值守，每人每月两次。", null, null), List.of());
        signedIn.call("supervisor", () -> cases.accept(filed.caseId(), cases.get(filed.caseId()).version()));
        // The verification deadline passes.
        jdbc.sql("UPDATE supervision_case SET due_on = :d WHERE id = :id").param("d", LocalDate.now().minusDays(1))
                .param("id", filed.caseId()).update();
        assertThat(overdueCases.flagNewlyOverdue()).isGreaterThanOrEqualTo(1);
        SupervisionCase overdue = signedIn.call("supervisor", () -> cases.get(filed.caseId()));
        assertThat(overdue.overdue()).isTrue();
        assertThat(overdue.escalationLevel()).isEqualTo(1);
        assertThat(overdueCases.flagNewlyOverdue()).as("flagged once").isZero();
        assertThat(signedIn.call("supervisor", () -> cases.list(Cases.Filter.OVERDUE, null)))
                .anyMatch(c -> c.id() == filed.caseId());
        assertThat(jdbc.sql("""
                SELECT count(*) FROM notification n JOIN account a ON a.id = n.account_id
                WHERE a.username = 'commission' AND n.message_key = 'notice.supervision.overdueEscalated'""")
                .query(Long.class).single()).isGreaterThanOrEqualTo(1);

        signedIn.call("supervisor", () -> cases.requestExtension(filed.caseId(), overdue.version(), 5,
                "需到社区调取值守排班表"));
        long extension = signedIn.call("supervisor", () -> cases.get(filed.caseId())).pendingExtension().orElseThrow().id();
        assertThatThrownBy(() -> signedIn.call("supervisor", () -> cases.decideExtension(filed.caseId(), extension, true, null)))
                .extracting(e -> ((BusinessRuleViolation) e).messageKey()).isEqualTo("supervision.extension.ownRequest");
        assertThat(signedIn.call("supervisor", () -> cases.awaitingExtensionDecision())).noneMatch(c -> c.id() == filed.caseId());
        assertThat(signedIn.call("commission", () -> cases.awaitingExtensionDecision())).anyMatch(c -> c.id() == filed.caseId());
        SupervisionCase extended = signedIn.call("commission", () -> cases.decideExtension(filed.caseId(), extension, true, "同意"));
        assertThat(extended.overdue()).isFalse();
        assertThat(extended.dueOn()).isAfter(LocalDate.now());
        assertThatThrownBy(() -> signedIn.call("dept.fire", () -> cases.decideExtension(filed.caseId(), extension, true, null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void repeatedFalseComplaintsFromOneContactEarnTheYellowThenTheRedCard() {
        String contact = "136" + (10000000 + (System.nanoTime() % 89999999));
        for (int i = 0; i < 3; i++) {
            String school = List.of("合川区钱塘镇中心小学", "合川区龙市镇中心小学", "合川区燕窝镇中心小学").get(i);
            Complaints.Filed filed = complaints.fileOnline(command(school, null,
                    "有部门来学校检查太频繁了，第" + (i + 1) + "次反映，请核实处理。", "某家长", contact), List.of());
            assertThat(filed.card()).isEqualTo(i < 2 ? Card.NONE : Card.YELLOW);
            signedIn.call("supervisor", () -> cases.accept(filed.caseId(), cases.get(filed.caseId()).version()));
            signedIn.call("supervisor", () -> cases.verify(filed.caseId(), cases.get(filed.caseId()).version(),
                    CaseOutcome.FALSE_REPORT, "经核查，当期无任何部门进校检查，反映不实。"));
        }
        assertThatThrownBy(() -> complaints.fileOnline(command("合川区二郎镇中心小学", null,
                "又有部门来学校检查了，请处理。", "某家长", contact), List.of()))
                .extracting(e -> ((BusinessRuleViolation) e).messageKey()).isEqualTo("supervision.complaint.redCard");
        Complaints.Filed anonymous = complaints.fileOnline(command("合川区二郎镇中心小学", null,
                "又有部门来学校检查了，请处理。", null, null), List.of());
        assertThat(anonymous.card()).as("anonymous complaints stay open to everyone").isEqualTo(Card.NONE);
    }

    @Test
    void badInputChangesNothingAndNamesEveryField() {
        long before = jdbc.sql("SELECT count(*) FROM complaint").query(Long.class).single();
        assertThatThrownBy(() -> complaints.fileOnline(new ComplaintCommand(null, null, null, null,
                LocalDate.now().plusDays(1), "太短", null, null), List.of()))
                .isInstanceOfSatisfying(InvalidComplaint.class, e -> assertThat(e.problems())
                        .extracting(ComplaintCommand.FieldProblem::field)
                        .containsExactly("category", "schoolId", "happenedOn", "description"));
        assertThatThrownBy(() -> complaints.fileOnline(command("合川区二郎镇中心小学", "区公安局",
                "要求老师下载反诈应用并截图上报完成率。", null, null),
                List.of(new EvidenceUpload("evil.exe", "MZ\u0090\0...".getBytes(StandardCharsets.ISO_8859_1)))))
                .isInstanceOfSatisfying(EvidenceRejected.class, e -> assertThat(e.reason()).isEqualTo(EvidenceRejected.Reason.TYPE));
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        big[0] = (byte) 0xFF; big[1] = (byte) 0xD8; big[2] = (byte) 0xFF;
        assertThatThrownBy(() -> complaints.fileOnline(command("合川区二郎镇中心小学", "区公安局",
                "要求老师下载反诈应用并截图上报完成率。", null, null), List.of(new EvidenceUpload("big.jpg", big))))
                .isInstanceOfSatisfying(EvidenceRejected.class, e -> assertThat(e.reason()).isEqualTo(EvidenceRejected.Reason.TOO_LARGE));
        assertThat(jdbc.sql("SELECT count(*) FROM complaint").query(Long.class).single()).isEqualTo(before);
    }
}
