package cn.campusgate.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import cn.campusgate.CampusGateTest;
import cn.campusgate.SignedIn;
import cn.campusgate.audit.AuditTrail;
import cn.campusgate.core.Role;
import cn.campusgate.item.Item;
import cn.campusgate.item.ItemRoute;
import cn.campusgate.item.Items;
import cn.campusgate.organization.Account;
import cn.campusgate.organization.AccountCommand;
import cn.campusgate.organization.Accounts;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notices mailed over SMTP to a real in-process server (GreenMail): after commit, only to active accounts
 * with an address, in Chinese with English below and an absolute link. A server that is down changes
 * nothing for the sender; the mail waits in the event publication registry and goes out on retry.
 */
@CampusGateTest
@org.springframework.test.context.TestPropertySource(properties = {
        "spring.mail.host=127.0.0.1",
        "campusgate.base-url=https://campusgate.example.gov.cn/",
        "campusgate.mail.from=noreply@hechuan.example"})
class NotificationMailIT {

    static final int PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> PORT);
    }

    @Autowired Notifications notifications;
    @Autowired Accounts accounts;
    @Autowired SignedIn signedIn;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired AuditTrail audit;
    @Autowired MailRetry retry;
    @Autowired Items items;

    @Test
    void aRoleIsNotifiedInAppAndMailedWhereItHasAnAddress() throws Exception {
        Account reviewer = reviewer("mail.reviewer", "邮件审核员", "reviewer@hechuan.example");
        Account withoutAddress = reviewer("mail.noaddress", "无邮箱审核员", null);
        Account retired = reviewer("mail.retired", "已停用审核员", "retired@hechuan.example");
        signedIn.run("admin", () -> accounts.deactivate(retired.id()));
        Account commission = accounts.findByUsername("commission").orElseThrow();

        Instant before = Instant.now();
        notifications.sendToRole(reviewer.organizationId(), Role.COMMISSION_REVIEWER,
                new Notice("organization.created", List.of("邮件测试机构"), "/admin/organizations?q=mail"));

        // in-app for every active holder of the role, with or without an address
        assertThat(notifications.unreadCount(reviewer.id())).isEqualTo(1);
        assertThat(notifications.unreadCount(withoutAddress.id())).isEqualTo(1);
        assertThat(notifications.unreadCount(commission.id())).isGreaterThanOrEqualTo(1);
        assertThat(notifications.unreadCount(retired.id())).isZero();

        assertThat(SMTP.waitForIncomingEmail(15_000, 1)).isTrue();
        long notice = latestNotice(reviewer);
        await().atMost(Duration.ofSeconds(10)).until(() -> mailedAt(notice) != null);
        assertThat(mailRequestsSince(before)).as("one mail: the only active holder with an address").isEqualTo(1);

        // Only this test's mail: the previous test's may still arrive at the same server.
        List<MimeMessage> received = Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> addressesOf(m).contains("reviewer@hechuan.example")).toList();
        assertThat(received).hasSize(1);
        MimeMessage mail = received.getFirst();
        assertThat(mail.getAllRecipients()).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("reviewer@hechuan.example");
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("noreply@hechuan.example");
        assertThat(mail.getSubject()).isEqualTo("【社会事务进校园】已新增“邮件测试机构”。");
        String body = mail.getContent().toString();
        assertThat(body).startsWith("邮件审核员，您好：")
                .contains("已新增“邮件测试机构”。")
                .contains("https://campusgate.example.gov.cn/admin/organizations?q=mail")
                .contains("Hello 邮件审核员,")
                .contains("\"邮件测试机构\" has been created.");
        assertThat(body.indexOf("您好")).isLessThan(body.indexOf("Hello"));
        assertThat(addressesInTheRegistry()).isZero();
    }

    @Test
    void aFailingMailServerLeavesTheNoticeAndTheCallersTransactionAndTheMailFollowsLater() {
        Account recipient = account("mail.outage", "停机联系人", "outage@hechuan.example", "dept.fire", Role.APPLICANT);
        SMTP.stop();

        // the caller's business change and the notice, in one transaction
        transactions.executeWithoutResult(status -> {
            signedIn.run("admin", () -> accounts.create(new AccountCommand("mail.during-outage", "停机期间新建", null,
                    null, recipient.organizationId(), Set.of(Role.APPLICANT), null)));
            notifications.send(List.of(recipient.id()), new Notice("organization.created", List.of("停机测试机构"), "/items/1"));
        });
        long notice = latestNotice(recipient);
        // Counted for this notice only: the previous test's mail can still be on its way when the server stops.
        await().atMost(Duration.ofSeconds(15)).until(() -> failedMailRequests(notice) == 1);

        assertThat(accounts.findByUsername("mail.during-outage")).isPresent();
        assertThat(audit.latest("account:mail.during-outage", 5)).anyMatch(e -> e.action().equals("account.created"));
        assertThat(notifications.unreadCount(recipient.id())).isEqualTo(1);
        assertThat(mailedAt(notice)).isNull();

        // the server is back: the retry sends the mail that waited in the registry
        SMTP.start();
        retry.retryFailedMail();
        assertThat(SMTP.waitForIncomingEmail(15_000, 1)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> mailedAt(notice) != null);
        await().atMost(Duration.ofSeconds(10)).until(() -> failedMailRequests(notice) == 0);
        assertThat(SMTP.getReceivedMessages()).filteredOn(mail -> addressesOf(mail).contains("outage@hechuan.example"))
                .singleElement().satisfies(mail -> assertThat(mail.getContent().toString())
                        .contains("https://campusgate.example.gov.cn/items/1"));
    }

    @Test
    void theNextActorOfTheApprovalChainIsMailedWithALinkToTheItem() throws Exception {
        account("mail.secretary", "邮件秘书", "secretary@hechuan.example", "secretary", Role.COMMITTEE_SECRETARY);
        Item draft = signedIn.call("dept.fire", () -> items.draft(cn.campusgate.approval.ApprovalWorkflowIT.content(
                "消防安全（邮件测试）", "消防安全邮件", ItemRoute.ANNUAL, LocalDate.of(2027, 5, 24))));
        signedIn.call("dept.fire", () -> items.submit(draft.id(), draft.version()));

        assertThat(SMTP.waitForIncomingEmail(15_000, 1)).isTrue();
        MimeMessage mail = Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> addressesOf(m).contains("secretary@hechuan.example")).findFirst().orElseThrow();
        assertThat(mail.getSubject()).contains("消防安全（邮件测试）").contains("专家委员会论证");
        assertThat(mail.getContent().toString())
                .contains("https://campusgate.example.gov.cn/items/" + draft.id());
    }

    private static List<String> addressesOf(MimeMessage mail) {
        try {
            return Arrays.stream(mail.getAllRecipients()).map(a -> ((InternetAddress) a).getAddress()).toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A reviewer at the education commission, beside the demo's {@code commission}. */
    private Account reviewer(String username, String name, @Nullable String email) {
        return account(username, name, email, "commission", Role.COMMISSION_REVIEWER);
    }

    /** A new account in the organisation of {@code colleague}. */
    private Account account(String username, String name, @Nullable String email, String colleague, Role role) {
        long organization = accounts.findByUsername(colleague).orElseThrow().organizationId();
        return signedIn.call("admin", () -> accounts.create(
                new AccountCommand(username, name, email, null, organization, Set.of(role), null)).account());
    }

    private long latestNotice(Account account) {
        return jdbc.sql("SELECT max(id) FROM notification WHERE account_id = :account")
                .param("account", account.id()).query(Long.class).single();
    }

    private @Nullable Instant mailedAt(long notice) {
        return jdbc.sql("SELECT mailed_at FROM notification WHERE id = :id").param("id", notice)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getTimestamp("mailed_at")))
                .single().map(java.sql.Timestamp::toInstant).orElse(null);
    }

    /** Mails asked for since then, sent or not. */
    private long mailRequestsSince(Instant since) {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM event_publication
                        WHERE event_type LIKE '%NoticeMailRequested' AND publication_date >= :since)
                     + (SELECT count(*) FROM event_publication_archive
                        WHERE event_type LIKE '%NoticeMailRequested' AND publication_date >= :since)""")
                .param("since", java.sql.Timestamp.from(since)).query(Long.class).single();
    }

    /** The registry keeps no mail addresses: they are looked up when the mail is sent. */
    private long addressesInTheRegistry() {
        return jdbc.sql("""
                SELECT count(*) FROM (SELECT serialized_event FROM event_publication
                                      UNION ALL SELECT serialized_event FROM event_publication_archive) e
                WHERE serialized_event LIKE '%hechuan.example%'""").query(Long.class).single();
    }

    private long failedMailRequests(long notice) {
        return jdbc.sql("""
                SELECT count(*) FROM event_publication
                WHERE event_type LIKE '%NoticeMailRequested' AND completion_date IS NULL AND status = 'FAILED'
                  AND (serialized_event::jsonb ->> 'notificationId')::bigint = :notice""")
                .param("notice", notice).query(Long.class).single();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
