package cn.campusgate.core;

/** The thing asked for does not exist, or is outside the actor's organisation (we do not say which). */
public class NotFound extends BusinessRuleViolation {
    public NotFound(String what, Object id) {
        super("error.notFound", what, id);
    }
}
