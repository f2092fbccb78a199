package cn.campusgate.organization;

import java.security.SecureRandom;
import java.util.Locale;

import cn.campusgate.core.BusinessRuleViolation;

/**
 * Passwords: at least 10 characters, three of the four character classes, not containing the username.
 * Follows the usual 等保 2.0 reading of "complexity"; a district can lengthen it.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    private static final String TEMPORARY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordPolicy() {
    }

    static void check(String username, String password) {
        if (password.length() < MIN_LENGTH || password.length() > 128) {
            throw new BusinessRuleViolation("password.tooShort", MIN_LENGTH);
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (classes < 3) {
            throw new BusinessRuleViolation("password.tooSimple");
        }
        if (!username.isBlank() && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw new BusinessRuleViolation("password.containsUsername");
        }
    }

    /** A random temporary password that satisfies the policy, shown once to the administrator. */
    static String temporary() {
        StringBuilder password = new StringBuilder("Cg#");
        for (int i = 0; i < 10; i++) {
            password.append(TEMPORARY_ALPHABET.charAt(RANDOM.nextInt(TEMPORARY_ALPHABET.length())));
        }
        password.append(RANDOM.nextInt(10));
        return password.toString();
    }
}
