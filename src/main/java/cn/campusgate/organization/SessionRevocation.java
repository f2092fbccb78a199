package cn.campusgate.organization;

import java.util.Set;

import cn.campusgate.organization.OrganizationEvents.AccountChanged;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A signed-in person carries their roles and organisation in the session. When an administrator changes,
 * deactivates or resets an account (or it gets locked), its open sessions end, so the next request
 * signs in again with what is true now.
 */
@Component
class SessionRevocation {

    private static final Set<String> ENDS_SESSIONS = Set.of("updated", "deactivated", "password-reset", "locked");

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SessionRevocation(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(AccountChanged change) {
        if (ENDS_SESSIONS.contains(change.change()) && !change.actor().equals(change.username())) {
            sessions.findByPrincipalName(change.username()).keySet().forEach(sessions::deleteById);
        }
    }
}
