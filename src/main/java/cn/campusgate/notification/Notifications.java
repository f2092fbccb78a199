package cn.campusgate.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.NotFound;
import cn.campusgate.core.PageSlice;
import cn.campusgate.core.Role;
import cn.campusgate.organization.Account;
import cn.campusgate.organization.Accounts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends notices: each recipient's in-app list gets it in the sender's transaction, so the notice exists
 * exactly when the business change does; a mail follows after commit where mail is configured (a
 * {@link JavaMailSender} exists, i.e. {@code spring.mail.host} is set) and the account has an address.
 * Inactive accounts get nothing. Readers work only on their own notices.
 */
@Service
public class Notifications {

    private final NotificationRepository repository;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<JavaMailSender> mail;
    private final Clock clock;

    Notifications(NotificationRepository repository, Accounts accounts, ApplicationEventPublisher events,
                  ObjectProvider<JavaMailSender> mail, Clock clock) {
        this.repository = repository;
        this.accounts = accounts;
        this.events = events;
        this.mail = mail;
        this.clock = clock;
    }

    /**
     * Records the notice for each active account (in-app, in the caller's transaction) and, after commit,
     * mails those with an email address when mail is configured. An id that names no account is a
     * programming error and fails the caller's transaction ({@link NotFound}).
     */
    @Transactional
    public void send(Collection<Long> accountIds, Notice notice) {
        record(new LinkedHashSet<>(accountIds).stream().map(accounts::get).filter(Account::active).toList(), notice);
    }

    /** Same, for every active account of the organisation that holds the role. */
    @Transactional
    public void sendToRole(long organizationId, Role role, Notice notice) {
        record(accounts.activeHolders(organizationId, role), notice);
    }

    @Transactional(readOnly = true)
    public long unreadCount(long accountId) {
        return repository.countUnread(accountId);
    }

    /** The signed-in person's notices, newest first. */
    @Transactional(readOnly = true)
    public PageSlice<ReceivedNotice> inbox(int page, int size) {
        long accountId = Actors.required().accountId();
        long total = repository.count(accountId);
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int current = Math.min(Math.max(page, 1), pages);
        return new PageSlice<>(repository.page(accountId, (current - 1) * size, size), current, size, total);
    }

    /** Marks one of the signed-in person's notices read; another person's notice does not exist for them. */
    @Transactional
    public void markRead(long id) {
        Actor actor = Actors.required();
        if (!repository.markRead(id, actor.accountId(), clock.instant())) {
            throw new NotFound("notification", id);
        }
    }

    /** @return how many were unread */
    @Transactional
    public int markAllRead() {
        return repository.markAllRead(Actors.required().accountId(), clock.instant());
    }

    /** Marks the notice read and returns where it leads. */
    @Transactional
    public String open(long id) {
        markRead(id);
        ReceivedNotice notice = repository.find(id, Actors.required().accountId())
                .orElseThrow(() -> new NotFound("notification", id));
        return Notice.isAppRelative(notice.link()) ? notice.link() : "/notifications";
    }

    private void record(List<Account> recipients, Notice notice) {
        boolean mailConfigured = mail.getIfAvailable() != null;
        Instant now = clock.instant();
        for (Account account : recipients) {
            long id = repository.insert(account.id(), notice, now);
            if (mailConfigured && account.email() != null) {
                events.publishEvent(new NoticeMailRequested(id, account.id()));
            }
        }
    }
}
