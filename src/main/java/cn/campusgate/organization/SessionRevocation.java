package cn.campusgate.organization;

import java.util.Set;

import cn.campusgate.organization.OrganizationEvents.AccountChanged;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A signed-in person carries their roles and organisation in the session. When an administrator changes,
 * deactivates or resets an account (or it gets locked), its open sessions end, so the next request
 * signs in again with what is true now. When the holders change their own password, their other sessions end
 * (a session opened with the old password, e.g. by whoever learnt it, must not outlive it); the one they changed it
 * in goes on.
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
        } else if (change.change().equals("password-changed") && change.actor().equals(change.username())) {
            String current = currentSessionId();
            sessions.findByPrincipalName(change.username()).keySet().stream()
                    .filter(id -> !id.equals(current)).forEach(sessions::deleteById);
        }
    }

    /** The session of the request being served, if it has one (the API's requests have none). */
    private static @Nullable String currentSessionId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession(false);
            return session == null ? null : session.getId();
        }
        return null;
    }
}
