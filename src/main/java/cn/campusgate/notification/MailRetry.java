package cn.campusgate.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Where mail is configured, sends failed notice mails again every {@code campusgate.mail.retry-every}
 * (ISO-8601, default ten minutes). Each failed publication is claimed before it is resubmitted, so two nodes
 * do not send the same mail twice. Mails still unsent at shutdown go out again on restart.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.mail.host")
@EnableScheduling
class MailRetry {

    private final FailedEventPublications failed;

    MailRetry(FailedEventPublications failed) {
        this.failed = failed;
    }

    @Scheduled(initialDelayString = "${campusgate.mail.retry-every:PT10M}", fixedDelayString = "${campusgate.mail.retry-every:PT10M}")
    void retryFailedMail() {
        failed.resubmit(ResubmissionOptions.defaults()
                .withFilter(publication -> publication.getEvent() instanceof NoticeMailRequested));
    }
}
