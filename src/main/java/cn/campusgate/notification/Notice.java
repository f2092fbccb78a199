package cn.campusgate.notification;

import java.util.List;

/**
 * What to tell people.
 *
 * @param messageKey a key of the notification bundle or of any registered bundle, formatted with {@code args}
 *                   in each reader's language
 * @param args       the message's arguments, already as text
 * @param link       where the reader goes to act: an app-relative URL such as {@code /approvals/tasks/12}
 */
public record Notice(String messageKey, List<String> args, String link) {

    static final int MAX_LINK = 500;

    public Notice {
        if (messageKey.isBlank() || messageKey.length() > 120) {
            throw new IllegalArgumentException("a notice needs a message key of at most 120 characters");
        }
        args = List.copyOf(args);
        if (!isAppRelative(link)) {
            throw new IllegalArgumentException("a notice links to a page of this application, such as /approvals/tasks/12: " + link);
        }
    }

    /** A path within this application: never another site, so following a notice cannot lead away. */
    static boolean isAppRelative(String link) {
        return link.startsWith("/") && !link.startsWith("//") && !link.contains("\\") && link.length() <= MAX_LINK
                && link.chars().noneMatch(Character::isWhitespace);
    }
}
