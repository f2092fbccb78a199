package cn.campusgate.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A notice links within the application only; its mail reads Chinese first, English below. */
class NoticeTests {

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/phish", "//evil.example/x", "approvals/tasks/1", "/\\evil.example",
            "/a b", ""})
    void aNoticeLinksOnlyWithinTheApplication(String link) {
        assertThatThrownBy(() -> new Notice("notification.title", List.of(), link))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNoticeKeepsItsOwnCopyOfTheArguments() {
        List<String> args = new ArrayList<>(List.of("一"));
        Notice notice = new Notice("organization.created", args, "/approvals/tasks/12?tab=opinion#top");
        args.add("二");
        assertThat(notice.args()).containsExactly("一");
        assertThatThrownBy(() -> new Notice(" ", List.of(), "/")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMailIsChineseWithTheEnglishBelowAndAnAbsoluteLink() {
        NoticeMailer mailer = mailer("https://campusgate.example.gov.cn/");
        Notice notice = new Notice("organization.created", List.of("测试机构"), "/approvals/tasks/12");

        assertThat(mailer.subject(notice)).isEqualTo("【社会事务进校园】已新增“测试机构”。");
        assertThat(mailer.body("黄专班", notice)).isEqualTo("""
                黄专班，您好：

                已新增“测试机构”。

                请登录社会事务进校园审批监管平台办理：
                https://campusgate.example.gov.cn/approvals/tasks/12

                Hello 黄专班,

                "测试机构" has been created.

                Please sign in to CampusGate to deal with it:
                https://campusgate.example.gov.cn/approvals/tasks/12

                （本邮件由系统自动发送，请勿直接回复。）
                (This mail was sent automatically; please do not reply to it.)
                """);
    }

    @Test
    void anUnknownMessageKeyIsMailedAsTheKeyRatherThanNotAtAll() {
        assertThat(mailer("http://localhost:8080").subject(new Notice("approval.unknown", List.of(), "/")))
                .isEqualTo("【社会事务进校园】approval.unknown");
    }

    /** Only the text is made here: no sender, repository or accounts are needed. */
    private static NoticeMailer mailer(String baseUrl) {
        return new NoticeMailer(null, messages(), null, null, Clock.systemUTC(), "noreply@campusgate.local", baseUrl);
    }

    /** The application's bundles as application.yml configures them: Chinese unless English is asked for. */
    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/notification", "i18n/organization");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
