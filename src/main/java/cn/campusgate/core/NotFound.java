package cn.campusgate.core;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/** The thing asked for does not exist, or is outside the actor's organisation (we do not say which). */
public class NotFound extends BusinessRuleViolation {

    /** @param what the kind of thing, named by the message key {@code entity.<what>} */
    public NotFound(String what, Object id) {
        super("error.notFound", new DefaultMessageSourceResolvable("entity." + what), String.valueOf(id));
    }
}
