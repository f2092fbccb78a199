package cn.campusgate.supervision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * 回执码: what an anonymous complainant keeps to follow the complaint. Twenty characters of Crockford's
 * base-32 (100 random bits from {@link SecureRandom}), shown in groups of four; read back forgivingly (case,
 * spaces, dashes, O for 0, I and L for 1). Only its SHA-256 digest is stored, so the table alone opens
 * nothing.
 */
public record ReceiptCode(String value) {

    static final int LENGTH = 20;
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    public ReceiptCode {
        if (value.length() != LENGTH || !value.chars().allMatch(c -> indexOf((char) c) >= 0)) {
            throw new IllegalArgumentException("not a receipt code");
        }
    }

    static ReceiptCode generate() {
        char[] chars = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new ReceiptCode(new String(chars));
    }

    /** The code as typed by a person, or empty if it cannot be one. */
    public static Optional<ReceiptCode> parse(@Nullable String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        StringBuilder normal = new StringBuilder();
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == ' ' || c == '\u3000') {
                continue;
            }
            char mapped = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (indexOf(mapped) < 0) {
                return Optional.empty();
            }
            normal.append(mapped);
        }
        return normal.length() == LENGTH ? Optional.of(new ReceiptCode(normal.toString())) : Optional.empty();
    }

    /** In groups of four, as printed for the complainant: {@code 7K3Q-M9XA-…}. */
    public String display() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < LENGTH; i += 4) {
            if (i > 0) {
                out.append('-');
            }
            out.append(value, i, i + 4);
        }
        return out.toString();
    }

    /** The first group only, for messages and logs. */
    public String masked() {
        return value.substring(0, 4) + "…";
    }

    /** What the database keeps. */
    String digest() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return masked();
    }

    private static int indexOf(char c) {
        for (int i = 0; i < ALPHABET.length; i++) {
            if (ALPHABET[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
