package cn.campusgate.core;

/**
 * An expected refusal: bad input or a rule that forbids the action. Carries a message key (and
 * arguments) so the user reads it in their own language; nothing has been changed when it is thrown.
 */
public class BusinessRuleViolation extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public BusinessRuleViolation(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
