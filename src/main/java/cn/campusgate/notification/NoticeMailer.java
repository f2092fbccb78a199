package cn.campusgate.notification;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import cn.campusgate.organization.Account;
import cn.campusgate.organization.Accounts;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mails a recorded notice after its transaction has committed, on its own thread and transaction: plain
 * text, Chinese first and English below, with the absolute link. A failure is logged (never the body) and
 * rethrown, which leaves the publication incomplete in the registry: {@link MailRetry} and the republication
 * on restart send it again.
 */
@Component
class NoticeMailer {

    private static final Logger log = LoggerFactory.getLogger(NoticeMailer.class);
    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final ObjectProvider<JavaMailSender> sender;
    private final MessageSource messages;
    private final NotificationRepository repository;
    private final Accounts accounts;
    private final Clock clock;
    private final String from;
    private final String baseUrl;

    NoticeMailer(ObjectProvider<JavaMailSender> sender, MessageSource messages, NotificationRepository repository,
                 Accounts accounts, Clock clock, @Value("${campusgate.mail.from:noreply@campusgate.local}") String from,
                 @Value("${campusgate.base-url:http://localhost:8080}") String baseUrl) {
        this.sender = sender;
        this.messages = messages;
        this.repository = repository;
        this.accounts = accounts;
        this.clock = clock;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @ApplicationModuleListener
    void on(NoticeMailRequested request) {
        JavaMailSender mail = sender.getIfAvailable();
        // a notice goes with its account, so an account is looked up only while its notice exists
        Optional<ReceivedNotice> notice = repository.find(request.notificationId());
        Optional<Account> account = notice.map(n -> accounts.get(request.accountId()));
        String email = account.filter(Account::active).map(Account::email).orElse(null);
        if (mail == null || notice.isEmpty() || email == null) {
            log.info("Notice {} for account {} not mailed: mail is not configured, or the notice, the account or "
                    + "its address is gone", request.notificationId(), request.accountId());
            return;
        }
        Notice content = new Notice(notice.get().messageKey(), notice.get().args(), notice.get().link());
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(email);
            helper.setSubject(subject(content));
            helper.setText(body(account.get().displayName(), content), false);
            mail.send(message);
        } catch (MessagingException | MailException e) {
            log.warn("Notice {} for account {} could not be mailed, will be tried again: {}", request.notificationId(),
                    request.accountId(), e.getMessage());
            throw e instanceof MailException mailException ? mailException
                    : new MailPreparationException("notice " + request.notificationId(), e);
        }
        repository.markMailed(request.notificationId(), clock.instant());
    }

    String subject(Notice notice) {
        return messages.getMessage("notification.mail.subject", new Object[]{text(notice, CHINESE)}, CHINESE);
    }

    /** Chinese first, English below; plain text with the absolute link. */
    String body(String displayName, Notice notice) {
        String link = baseUrl + notice.link();
        return messages.getMessage("notification.mail.body", new Object[]{displayName, text(notice, CHINESE), link}, CHINESE)
                + "\n\n" + messages.getMessage("notification.mail.body",
                new Object[]{displayName, text(notice, Locale.ENGLISH), link}, Locale.ENGLISH)
                + "\n\n" + messages.getMessage("notification.mail.footer", null, CHINESE)
                + "\n" + messages.getMessage("notification.mail.footer", null, Locale.ENGLISH) + "\n";
    }

    private String text(Notice notice, Locale locale) {
        return messages.getMessage(notice.messageKey(), cn.campusgate.core.SystemTexts.noticeArgs(notice.args(), locale),
                notice.messageKey(), locale);
    }
}
