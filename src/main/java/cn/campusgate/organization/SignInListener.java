package cn.campusgate.organization;

import cn.campusgate.organization.OrganizationEvents.SignInAttempted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Turns Spring Security's sign-in outcomes into account facts: the last sign-in, the failure counter that
 * locks an account, the budget of failures per client address ({@link SignInThrottle}), and an audit entry for
 * every interactive sign-in and every failed attempt.
 */
@Component
class SignInListener {

    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final SignInThrottle throttle;

    SignInListener(Accounts accounts, ApplicationEventPublisher events, SignInThrottle throttle) {
        this.accounts = accounts;
        this.events = events;
        this.throttle = throttle;
    }

    @EventListener
    void on(InteractiveAuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        accounts.recordSignIn(username);
        events.publishEvent(new SignInAttempted(username, true, remoteAddress(event.getAuthentication().getDetails())));
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        // The same normalisation as the lookup, so padded names cannot dodge the counter.
        String username = String.valueOf(event.getAuthentication().getPrincipal()).strip();
        String address = remoteAddress(event.getAuthentication().getDetails());
        throttle.failed(address, username);
        accounts.recordFailedSignIn(username);
        events.publishEvent(new SignInAttempted(truncate(username), false, address));
    }

    private static String remoteAddress(Object details) {
        return details instanceof WebAuthenticationDetails web ? String.valueOf(web.getRemoteAddress()) : "api";
    }

    private static String truncate(String username) {
        return username.length() > 60 ? username.substring(0, 60) : username;
    }
}
