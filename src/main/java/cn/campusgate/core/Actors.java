package cn.campusgate.core;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Looks up the acting person from the security context. */
public final class Actors {

    /** Name written in the audit trail for work the system does by itself. */
    public static final String SYSTEM = "system";

    private Actors() {
    }

    public static Optional<Actor> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ActorPrincipal principal) {
            return Optional.of(principal.actor());
        }
        return Optional.empty();
    }

    public static Actor required() {
        return current().orElseThrow(() -> new IllegalStateException("no authenticated actor"));
    }

    /** Username for the audit trail: the actor, or {@link #SYSTEM}. */
    public static String currentName() {
        return current().map(Actor::username).orElse(SYSTEM);
    }
}
