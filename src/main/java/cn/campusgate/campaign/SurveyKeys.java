package cn.campusgate.campaign;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** The natural key of a surveyed affair and the content hash of a file, as SHA-256 hex. */
final class SurveyKeys {

    private SurveyKeys() {
    }

    /** Same reporter, title, department, date and school: the same affair, however often it is reported. */
    static String naturalKey(long reporterId, SurveyCommand command) {
        return sha256(reporterId + "|" + rowKey(command));
    }

    static String rowKey(SurveyCommand command) {
        return norm(command.title()) + "|" + norm(command.department()) + "|" + command.occurredOn() + "|"
                + norm(command.school());
    }

    static String contentHash(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        return contentHash(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Spaces (also full-width) and case do not make another affair. */
    static String norm(@Nullable String text) {
        return text == null ? "" : text.replaceAll("[\\s\u3000]+", "").toLowerCase(Locale.ROOT);
    }
}
